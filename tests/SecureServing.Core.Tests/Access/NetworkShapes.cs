namespace SecureServing.Core.Tests.Access;

/// <summary>
/// Hand-written manifests of the shapes a mesh-wide default deny and per-team NetworkPolicies take (branch workloads,
/// issue 14: <c>istio-system/default-deny</c> and the platform's allows; per team namespace <c>default-deny</c>,
/// <c>allow-mesh-callers</c>, <c>&lt;model&gt;-from-gateways</c> and <c>allow-egress</c>), for the evaluator's tests.
/// </summary>
internal static class NetworkShapes
{
    /// <summary><c>istio-system/default-deny</c> (<c>spec: {}</c>) and the allows the platform's own components need.</summary>
    public static string MeshDefaultDeny(IReadOnlyList<string> activatorCallers) => """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: default-deny, namespace: istio-system}
        spec: {}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow-activator, namespace: knative-serving}
        spec:
          selector: {matchLabels: {app: activator}}
          action: ALLOW
          rules:
          - from:
            - source: {namespaces: [@CALLERS@]}
            - source: {principals: [cluster.local/ns/istio-system/sa/istio-public-gateway, cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account]}
            to:
            - operation: {ports: ["8012", "8013"]}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow-autoscaler, namespace: knative-serving}
        spec:
          selector: {matchLabels: {app: autoscaler}}
          action: ALLOW
          rules:
          - from:
            - source: {namespaces: [knative-serving]}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow-webhooks, namespace: knative-serving}
        spec:
          action: ALLOW
          rules:
          - to:
            - operation: {ports: ["8443"]}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: allow-webhooks, namespace: kserve}
        spec:
          action: ALLOW
          rules:
          - to:
            - operation: {ports: ["9443"]}
        ---

        """.Replace("@CALLERS@", string.Join(", ", activatorCallers), StringComparison.Ordinal);

    /// <summary>
    /// A team namespace's NetworkPolicies: deny all, then admit <paramref name="callers"/> (its own namespace, its
    /// <c>allowedNamespaces</c>, knative-serving), each model in <paramref name="fromGateways"/> from the pods of the
    /// gateways (by <c>istio</c> label) it admits, and egress to DNS, istiod, the metadata server, Google APIs on 443
    /// (<paramref name="googleApis"/>: an ipBlock), the namespaces in <paramref name="callable"/> and the activator.
    /// </summary>
    public static string Team(string ns, IReadOnlyList<string> callers, IReadOnlyList<(string Model, string[] Gateways)> fromGateways, IReadOnlyList<string> callable,
        string googleApis = "{cidr: 199.36.153.4/30}")
    {
        var text = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: @NS@}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-mesh-callers, namespace: @NS@}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
              ingress:
              - from:
                - namespaceSelector:
                    matchExpressions:
                    - {key: kubernetes.io/metadata.name, operator: In, values: [@CALLERS@]}
            ---

            """.Replace("@CALLERS@", string.Join(", ", callers), StringComparison.Ordinal);
        foreach (var (model, gateways) in fromGateways)
        {
            text += """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: @MODEL@-from-gateways, namespace: @NS@}
                spec:
                  podSelector: {matchLabels: {serving.kserve.io/inferenceservice: @MODEL@}}
                  policyTypes: [Ingress]
                  ingress:
                  - from:
                @GATEWAYS@---

                """.Replace("@MODEL@", model, StringComparison.Ordinal).Replace("@GATEWAYS@", string.Concat(gateways.Select(g =>
                $"    - {{namespaceSelector: {{matchLabels: {{kubernetes.io/metadata.name: istio-system}}}}, podSelector: {{matchLabels: {{istio: {g}}}}}}}\n")), StringComparison.Ordinal);
        }

        return (text + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-egress, namespace: @NS@}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to:
                - {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}
                ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
              - to:
                - {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: istio-system}}, podSelector: {matchLabels: {app: istiod}}}
                ports: [{protocol: TCP, port: 15012}]
              - to: [{ipBlock: {cidr: 169.254.169.252/32}}]
                ports: [{protocol: TCP, port: 988}]
              - to: [{ipBlock: {cidr: 169.254.169.254/32}}]
                ports: [{protocol: TCP, port: 80}]
              - to: [{ipBlock: @APIS@}]
                ports: [{protocol: TCP, port: 443}]
              - to:
                - namespaceSelector:
                    matchExpressions:
                    - {key: kubernetes.io/metadata.name, operator: In, values: [@CALLABLE@]}
              - to:
                - {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: knative-serving}}, podSelector: {matchLabels: {app: activator}}}
                ports: [{protocol: TCP, port: 8012}, {protocol: TCP, port: 8013}]
            ---

            """.Replace("@APIS@", googleApis, StringComparison.Ordinal).Replace("@CALLABLE@", string.Join(", ", callable), StringComparison.Ordinal))
            .Replace("@NS@", ns, StringComparison.Ordinal);
    }

    /// <summary>The shipped dev stack's teams (fraud-models; recsys-models, which admits fraud-models), as the workloads branch renders them.</summary>
    public static string DevTeams() =>
        Team("fraud-models", ["fraud-models", "knative-serving"], [("sklearn-iris", ["public-gateway", "ingressgateway"])], ["fraud-models", "recsys-models"]) +
        Team("recsys-models", ["recsys-models", "fraud-models", "knative-serving"], [("two-tower", ["public-gateway", "ingressgateway"])], ["recsys-models"]);
}
