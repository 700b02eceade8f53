using System.Globalization;

namespace SecureServing.Core.Tests.Config;

/// <summary>One edit of a file in a copy of a shipped stack.</summary>
public sealed record Edit(string File, string Find, string Replace);

/// <summary>
/// A rule case: <see cref="Bad"/> edits applied to a shipped stack must produce a finding of <see cref="Rule"/> with
/// <see cref="Severity"/> at exactly <see cref="File"/> + <see cref="KeyPath"/>; applying <see cref="Fix"/> on top must
/// leave a stack that differs from the shipped one, without errors and without that finding. A case whose only fix is
/// to undo the bad edit has no <see cref="Fix"/> (empty) and checks the bad half only: the shipped stacks passing is
/// the shipped-stack tests' job.
/// </summary>
public sealed record RuleCase(string Name, string Rule, string Stack, string File, string KeyPath, Edit[] Bad, Edit[] Fix, string Severity = "error")
{
    public override string ToString() => Name;
}

/// <summary>The table of rule cases over the shipped dev and prod stacks.</summary>
public static class RuleCases
{
    private const string Dev = "Pulumi.dev.yaml";
    private const string Prod = "Pulumi.prod.yaml";
    private const string Fraud = "stacks/dev/fraud.yaml";
    private const string Recsys = "stacks/dev/recsys.yaml";
    private const string ProdRecsys = "stacks/prod/recsys.yaml";
    private const string ProdDex = "    dex:\n      issuer: https://dex.example.com\n      jwksUri: https://dex.example.com/keys\n      audiences:\n        - kubeflow-oidc-authservice\n      requiredGroups:\n        - ml-serving-users\n";
    private const string ProdSecret = "      clientSecret:\n        secure: v1:Zm9vYmFyYmF6cXV4:Q2lwaGVydGV4dE9ubHlGb3JEb2NzTm90QVJlYWxTZWNyZXQ=\n";

    private static Edit[] E(string file, string find, string replace) => [new(file, find, replace)];

    /// <summary>Patterns admitting every image the installed serving stack pulls from its upstream registries.</summary>
    private static readonly string[] UpstreamServingPatterns =
    [
        "docker.io/istio/*", "quay.io/jetstack/*", "gcr.io/knative-releases/**", "docker.io/kserve/*", "quay.io/brancz/*",
        "docker.io/seldonio/*", "docker.io/tensorflow/*", "docker.io/pytorch/*", "nvcr.io/nvidia/*", "docker.io/vllm/*",
    ];

    private const string ProdAcks = "  secure-serving:acknowledge:\n";
    private const string ProdIngressAck = "    - rule: ingress-from-any-source\n      reason: GitHub-hosted runners have no fixed addresses; the policy admits only the deployer account, which only approved production jobs can impersonate\n";
    private const string DeployerIdentity = "          identities:\n            - serviceAccount:ss-deploy-{0}@acme-ml-ops.iam.gserviceaccount.com\n";
    private const string AnySource = "            - accessLevel: \"*\"\n";

    /// <summary>An entry added to the prod stack file's <c>acknowledge</c> list.</summary>
    private static Edit[] Ack(string rule, string reason) => E(Prod, ProdAcks, $"{ProdAcks}    - rule: {rule}\n      reason: {reason}\n");

    /// <summary>No fix but undoing the bad edit: the case checks only that the bad edit trips the rule.</summary>
    private static readonly Edit[] None = [];

    public static IReadOnlyList<RuleCase> All { get; } =
    [
        // ---- structure
        new("bool written as yes", "wrong-type", "dev", Dev, "secure-serving:cluster.deletionProtection",
            E(Dev, "    deletionProtection: false", "    deletionProtection: \"no\""), E(Dev, "    deletionProtection: \"no\"", "    deletionProtection: \"false\"")),
        new("scalar where a list belongs", "wrong-type", "dev", Dev, "secure-serving:registryDns.domains",
            E(Dev, "    domains:\n      - gcr.io\n      - pkg.dev\n", "    domains: gcr.io\n"), E(Dev, "    domains: gcr.io\n", "    domains: [gcr.io, pkg.dev]\n")),
        new("secret where a plain value belongs", "wrong-type", "dev", Dev, "secure-serving:ingress.hostname",
            E(Dev, "    hostname: models.dev.example.com\n    tls", "    hostname:\n      secure: v1:abc:def\n    tls"), None),
        new("required key missing", "missing-key", "dev", Dev, "secure-serving:network.masterCidr",
            E(Dev, "    masterCidr: 172.16.0.0/28\n", ""), E(Dev, "    egress: restricted", "    egress: restricted\n    masterCidr: 172.16.0.32/28")),
        new("misspelt key", "unknown-key", "dev", Dev, "secure-serving:network.mastrCidr",
            E(Dev, "    masterCidr:", "    mastrCidr:"), None),
        new("key without namespace", "unknown-key", "dev", Dev, "deploymentName",
            E(Dev, "  secure-serving:deploymentName: ss-dev", "  deploymentName: ss-dev"), None),
        new("unknown team key", "unknown-key", "dev", Fraud, "models[0].exposeViaIAP",
            E(Fraud, "    exposeViaIap: true", "    exposeViaIAP: true"), None),
        new("enum value outside the set", "invalid-value", "dev", Dev, "secure-serving:network.egress",
            E(Dev, "    egress: restricted", "    egress: open"), E(Dev, "    egress: open", "    egress: nat")),
        new("group in an access level", "invalid-value", "dev", Dev, "secure-serving:perimeter.accessLevels[0].members[1]",
            E(Dev, "          - user:platform-admin@example.com", "          - group:platform-admins@example.com"), None),
        new("unknown model format", "invalid-value", "dev", Fraud, "models[0].format",
            E(Fraud, "    format: sklearn", "    format: sklern"), None),
        new("activator as a boolean", "invalid-value", "dev", Fraud, "models[0].activator",
            E(Fraud, "    activator: \"off\"\n    exposeViaIap: true", "    activator: false\n    exposeViaIap: true"), E(Fraud, "    activator: false", "    activator: off")),
        new("team file name", "team-file-name", "dev", Fraud, "team",
            E(Fraud, "team: fraud", "team: payments"), None),
        new("duplicate model", "duplicate-name", "dev", Fraud, "models[1].name",
            E(Fraud, "  - name: xgb-fraud-score", "  - name: sklearn-iris"),
            E(Fraud, "  - name: sklearn-iris\n    format: xgboost", "  - name: sklearn-iris-v2\n    format: xgboost")),
        new("team file over 1 MiB", "file-too-large", "dev", Fraud, "<file>",
            E(Fraud, "team: fraud\n", "team: fraud\n# " + new string('x', 1_100_000) + "\n"),
            E(Fraud, "# " + new string('x', 1_100_000) + "\n", "# " + new string('x', 1_040_000) + "\n")),

        new("KMS key outside the cluster's region", "invalid-value", "prod", Prod, "secure-serving:cluster.secretsEncryption",
            E(Prod, "    deletionProtection: true\n", "    deletionProtection: true\n    secretsEncryption: projects/acme-kms/locations/us-east1/keyRings/gke/cryptoKeys/secrets\n"),
            E(Prod, "locations/us-east1/", "locations/europe-west4/")),
        new("Groups for RBAC with another group name", "invalid-value", "prod", Prod, "secure-serving:cluster.securityGroup",
            E(Prod, "    securityGroup: gke-security-groups@example.com", "    securityGroup: k8s-admins@example.com"), None),
        new("maintenance window under four hours", "invalid-value", "dev", Dev, "secure-serving:cluster.maintenance.window.end",
            E(Dev, "    deletionProtection: false\n", "    deletionProtection: false\n    maintenance:\n      window:\n        start: \"2026-01-03T01:00:00Z\"\n        end: \"2026-01-03T03:00:00Z\"\n        recurrence: FREQ=DAILY\n"),
            E(Dev, "        end: \"2026-01-03T03:00:00Z\"", "        end: \"2026-01-03T05:00:00Z\"")),
        new("maintenance under 48 hours a month", "invalid-value", "dev", Dev, "secure-serving:cluster.maintenance.window.recurrence",
            E(Dev, "    deletionProtection: false\n", "    deletionProtection: false\n    maintenance:\n      window:\n        start: \"2026-01-04T00:00:00Z\"\n        end: \"2026-01-04T08:00:00Z\"\n        recurrence: FREQ=WEEKLY;BYDAY=SU\n"),
            E(Dev, "BYDAY=SU\n", "BYDAY=SA,SU\n")),
        new("confidential nodes on an Intel machine", "invalid-value", "prod", Prod, "secure-serving:cluster.nodePools[0].confidentialNodes",
            E(Prod, "        maxNodes: 10\n", "        maxNodes: 10\n        confidentialNodes: true\n"),
            E(Prod, "        machineType: n2-standard-8", "        machineType: n2d-standard-8")),
        new("image pattern admitting a whole registry", "invalid-value", "dev", Dev, "secure-serving:binaryAuthorization.admitImages[0]",
            E(Dev, "  secure-serving:labels:", "  secure-serving:binaryAuthorization:\n    admitImages:\n      - docker.io/**\n  secure-serving:labels:"),
            E(Dev, "      - docker.io/**", "      - europe-docker.pkg.dev/acme-mirror/istio/**")),
        new("label value with capitals", "invalid-value", "dev", Dev, "secure-serving:labels.team",
            E(Dev, "    team: ml-platform\n  secure-serving:perimeter", "    team: ML-Platform\n  secure-serving:perimeter"), None),

        // ---- names
        new("deployment name over 25", "deployment-name", "dev", Dev, "secure-serving:deploymentName",
            E(Dev, "secure-serving:deploymentName: ss-dev", "secure-serving:deploymentName: secure-serving-development"),
            E(Dev, "secure-serving:deploymentName: secure-serving-development", "secure-serving:deploymentName: secure-serving-develop-01")),
        new("GKE cluster name", "cluster-name", "dev", Dev, "secure-serving:cluster.name",
            E(Dev, "    name: ss-dev-gke", "    name: SS_Dev_GKE"), E(Dev, "    name: SS_Dev_GKE", "    name: ss-dev-gke-2")),
        new("hyphen in perimeter name", "vpc-sc-name", "dev", Dev, "secure-serving:perimeter.name",
            E(Dev, "    name: ss_dev_perimeter", "    name: ss-dev-perimeter"), None),
        new("hyphen in access level name", "vpc-sc-name", "dev", Dev, "secure-serving:perimeter.accessLevels[0].name",
            E(Dev, "      - name: ss_dev_builders", "      - name: ss-dev-builders"), None),
        new("namespace not DNS-1123", "namespace-name", "dev", Fraud, "namespace",
            E(Fraud, "namespace: fraud-models", "namespace: Fraud_Models"), None),
        new("allowed namespace not DNS-1123", "namespace-name", "dev", Recsys, "allowedNamespaces[0]",
            E(Recsys, "  - fraud-models\nmodels", "  - Fraud\nmodels"), None),
        new("model name starts with a digit", "model-name", "dev", Fraud, "models[0].name",
            E(Fraud, "  - name: sklearn-iris", "  - name: 1-sklearn-iris"), None),
        new("model hostname label over 63", "model-name", "dev", Fraud, "models[0].name",
            E(Fraud, "  - name: sklearn-iris", "  - name: sklearn-iris-classifier-with-a-longer-name"), E(Fraud, "  - name: sklearn-iris-classifier-with-a-longer-name", "  - name: sklearn-iris-classifier-with-a")),
        new("team name too long", "team-name", "dev", Fraud, "team",
            [new(Fraud, "team: fraud", "team: fraud-detection-and-scoring"), new(Fraud, "namespace: fraud-models", "namespace: fraud-detection-models")], None),
        new("access levels differing only in case", "derived-name-collision", "dev", Dev, "secure-serving:perimeter.accessLevels[1].name",
            E(Dev, "    ingressPolicies:", "      - name: SS_DEV_BUILDERS\n        members: [user:ops@example.com]\n    ingressPolicies:"),
            E(Dev, "      - name: SS_DEV_BUILDERS", "      - name: ss_dev_operators")),
        new("TLS secret name with capitals and underscore", "derived-name-invalid", "dev", Dev, "secure-serving:ingress.tlsSecret",
            E(Dev, "    tls: certManager", "    tls: secret\n    tlsSecret: Ingress_TLS"), E(Dev, "    tlsSecret: Ingress_TLS", "    tlsSecret: ingress-tls")),

        // ---- network
        new("host bits set", "cidr-syntax", "dev", Dev, "secure-serving:network.subnetCidr",
            E(Dev, "    subnetCidr: 10.10.0.0/20", "    subnetCidr: 10.10.0.1/20"), E(Dev, "    subnetCidr: 10.10.0.1/20", "    subnetCidr: 10.10.16.0/20")),
        new("pods overlap subnet", "cidr-overlap", "dev", Dev, "secure-serving:network.podsCidr",
            E(Dev, "    podsCidr: 10.20.0.0/16", "    podsCidr: 10.10.0.0/16"), E(Dev, "    podsCidr: 10.10.0.0/16", "    podsCidr: 10.21.0.0/16")),
        new("services overlap restricted VIP", "cidr-overlap", "dev", Dev, "secure-serving:network.servicesCidr",
            E(Dev, "    servicesCidr: 10.30.0.0/20", "    servicesCidr: 199.36.152.0/22"),
            E(Dev, "    servicesCidr: 199.36.152.0/22", "    servicesCidr: 199.36.156.0/22")),
        new("master not a /28", "master-cidr-size", "dev", Dev, "secure-serving:network.masterCidr",
            E(Dev, "    masterCidr: 172.16.0.0/28", "    masterCidr: 172.16.0.0/27"), None),
        new("whole internet in an access level", "open-to-world", "dev", Dev, "secure-serving:perimeter.accessLevels[0].ipSubnetworks[0]",
            E(Dev, "        title: Image mirroring and platform admins\n", "        title: Image mirroring and platform admins\n        ipSubnetworks:\n          - 0.0.0.0/0\n"),
            E(Dev, "          - 0.0.0.0/0\n", "          - 203.0.113.0/24\n")),
        new("whole internet on the control plane", "open-to-world", "prod", Prod, "secure-serving:cluster.masterAuthorizedNetworks[0].cidr",
            E(Prod, "    endpoint: dns", "    endpoint: private\n    masterAuthorizedNetworks:\n      - cidr: \"::/0\"\n        name: anywhere"),
            E(Prod, "      - cidr: \"::/0\"", "      - cidr: 203.0.113.0/24")),

        new("internet split in halves on the control plane", "range-too-broad", "prod", Prod, "secure-serving:cluster.masterAuthorizedNetworks[0].cidr",
            E(Prod, "    endpoint: dns", "    endpoint: private\n    masterAuthorizedNetworks:\n      - cidr: 0.0.0.0/1\n        name: low"),
            E(Prod, "      - cidr: 0.0.0.0/1", "      - cidr: 203.0.113.0/24")),

        // ---- cluster
        new("public endpoint in prod", "public-endpoint-in-prod", "prod", Prod, "secure-serving:cluster.endpoint",
            E(Prod, "    endpoint: dns", "    endpoint: public"), E(Prod, "    endpoint: public", "    endpoint: private")),
        new("authorized networks with dns endpoint", "authorized-networks-ignored", "dev", Dev, "secure-serving:cluster.masterAuthorizedNetworks",
            E(Dev, "    endpoint: dns", "    endpoint: dns\n    masterAuthorizedNetworks:\n      - cidr: 203.0.113.0/24\n        name: office"),
            E(Dev, "    endpoint: dns", "    endpoint: private"), "warning"),
        new("deletion protection off in prod", "deletion-protection-off-in-prod", "prod", Prod, "secure-serving:cluster.deletionProtection",
            E(Prod, "    deletionProtection: true", "    deletionProtection: false"),
            Ack("deletion-protection-off-in-prod", "cluster is recreated from scratch during the 2026-Q3 migration")),
        new("existing cluster without kubeconfig", "kubeconfig-missing", "dev", Dev, "secure-serving:cluster.kubeconfig",
            E(Dev, "    name: ss-dev-gke", "    name: ss-dev-gke\n    provider: existing"), E(Dev, "    provider: existing", "    provider: existing\n    kubeconfig:\n      secure: v1:a2V5:Y2lwaGVy")),

        // ---- hardened organization (production)
        new("binary authorization in dry run in prod", "binary-authorization-not-enforced", "prod", Prod, "secure-serving:binaryAuthorization.mode",
            E(Prod, "  secure-serving:labels:", "  secure-serving:binaryAuthorization:\n    mode: dryRun\n  secure-serving:labels:"),
            Ack("binary-authorization-not-enforced", "first week in production, reading the audit log before enforcing")),
        new("secrets not encrypted in prod", "secrets-not-encrypted", "prod", Prod, "secure-serving:cluster.secretsEncryption",
            E(Prod, "    deletionProtection: true\n", "    deletionProtection: true\n    secretsEncryption: none\n"),
            E(Prod, "    secretsEncryption: none", "    secretsEncryption: create")),
        new("boot disks without CMEK in prod", "boot-disks-not-cmek", "prod", Prod, "secure-serving:cluster.bootDiskEncryption",
            E(Prod, "    deletionProtection: true\n", "    deletionProtection: true\n    bootDiskEncryption: none\n"),
            Ack("boot-disks-not-cmek", "the organization has no CMEK requirement for disks")),
        new("no Google Groups for RBAC in prod", "groups-rbac-off", "prod", Prod, "secure-serving:cluster.securityGroup",
            E(Prod, "    securityGroup: gke-security-groups@example.com\n", ""),
            Ack("groups-rbac-off", "the organization does not use Cloud Identity groups; RBAC names users")),
        new("cluster notifications off in prod", "security-bulletins-off", "prod", Prod, "secure-serving:cluster.notifications.enabled",
            E(Prod, "    deletionProtection: true\n", "    deletionProtection: true\n    notifications:\n      enabled: false\n"),
            E(Prod, "      enabled: false\n", "      enabled: true\n")),
        new("notifications without security bulletins in prod", "security-bulletins-off", "prod", Prod, "secure-serving:cluster.notifications.events",
            E(Prod, "    deletionProtection: true\n", "    deletionProtection: true\n    notifications:\n      events: [upgrade]\n"),
            E(Prod, "      events: [upgrade]", "      events: [upgrade, securityBulletin]")),
        new("intranode visibility off in prod", "intranode-visibility-off", "prod", Prod, "secure-serving:cluster.intranodeVisibility",
            E(Prod, "    deletionProtection: true\n", "    deletionProtection: true\n    intranodeVisibility: false\n"),
            Ack("intranode-visibility-off", "single-node test pool; no flow logs needed")),
        new("no workload logs in prod", "cluster-logging-reduced", "prod", Prod, "secure-serving:cluster.logging",
            E(Prod, "    deletionProtection: true\n", "    deletionProtection: true\n    logging: [systemComponents]\n"),
            E(Prod, "    logging: [systemComponents]", "    logging: [systemComponents, workloads]")),
        new("rapid channel in prod", "rapid-channel-in-prod", "prod", Prod, "secure-serving:cluster.releaseChannel",
            E(Prod, "    releaseChannel: stable", "    releaseChannel: rapid"), E(Prod, "    releaseChannel: rapid", "    releaseChannel: regular")),
        new("security posture off in prod", "security-posture-off", "prod", Prod, "secure-serving:cluster.securityPosture.mode",
            E(Prod, "    deletionProtection: true\n", "    deletionProtection: true\n    securityPosture:\n      mode: disabled\n"),
            E(Prod, "      mode: disabled\n", "      mode: basic\n")),
        new("dry-run perimeter in prod", "perimeter-not-enforced", "prod", Prod, "secure-serving:perimeter.mode",
            E(Prod, "    mode: enforced\n", "    mode: dryRun\n"),
            Ack("perimeter-not-enforced", "new perimeter, two weeks of violation logs before enforcing")),
        new("model image outside the admitted registry", "image-not-admitted", "prod", ProdRecsys, "models[0].image",
            E(ProdRecsys, "    exposeViaIap: true", "    exposeViaIap: true\n    image: europe-west4-docker.pkg.dev/acme-ml-shared/models/two-tower:v3"),
            E(Prod, "  secure-serving:labels:", "  secure-serving:binaryAuthorization:\n    admitImages:\n      - europe-west4-docker.pkg.dev/acme-ml-shared/models/*\n  secure-serving:labels:")),
        new("model image outside the admitted registry, fixed by pulling it through the stack's remote repository", "image-not-admitted", "prod", ProdRecsys, "models[0].image",
            E(ProdRecsys, "    exposeViaIap: true", "    exposeViaIap: true\n    image: eu.gcr.io/acme-ml-shared/two-tower:v3"),
            E(ProdRecsys, "    image: eu.gcr.io/acme-ml-shared/two-tower:v3", "    image: ghcr.io/acme/two-tower:v3")),
        new("installed serving stack pulled from upstream registries the policy does not admit", "serving-images-not-admitted", "prod", Prod, "secure-serving:network.egress",
            E(Prod, "    egress: restricted\n", "    egress: nat\n"),
            E(Prod, "  secure-serving:labels:", "  secure-serving:binaryAuthorization:\n    admitImages:\n" + string.Concat(UpstreamServingPatterns.Select(p => $"      - {p}\n")) + "  secure-serving:labels:")),
        new("installed serving stack pulled from upstream registries, dry run", "serving-images-not-admitted", "dev", Dev, "secure-serving:network.egress",
            E(Dev, "    egress: restricted\n", "    egress: nat\n"),
            E(Dev, "  secure-serving:labels:", "  secure-serving:binaryAuthorization:\n    admitImages:\n" + string.Concat(UpstreamServingPatterns.Select(p => $"      - {p}\n")) + "  secure-serving:labels:"), "warning"),
        new("model image outside the admitted registry, dry run", "image-not-admitted", "dev", Fraud, "models[1].image",
            E(Fraud, "    exposeViaIap: false\n", "    exposeViaIap: false\n    image: eu.gcr.io/acme-ml-dev/xgbserver:v1\n"),
            E(Fraud, "    image: eu.gcr.io/acme-ml-dev/xgbserver:v1", "    image: europe-west4-docker.pkg.dev/acme-ml-dev/models/xgbserver:v1"), "warning"),

        // ---- VPC Service Controls policies
        new("ingress from any source in prod", "ingress-from-any-source", "prod", Prod, "secure-serving:perimeter.ingressPolicies[0].from.sources[0].accessLevel",
            E(Prod, ProdIngressAck, ""), E(Prod, AnySource, "            - accessLevel: ss_prod_builders\n")),
        new("ingress from any service account in prod", "ingress-from-any-identity", "prod", Prod, "secure-serving:perimeter.ingressPolicies[0].from.identityType",
            [new(Prod, string.Format(CultureInfo.InvariantCulture, DeployerIdentity, "prod"), "          identityType: anyServiceAccount\n"), new(Prod, AnySource, "            - accessLevel: ss_prod_builders\n")],
            Ack("ingress-from-any-identity", "partner project's service accounts, only from the partner's project")),
        new("ingress from anyone anywhere", "ingress-open-to-all", "dev", Dev, "secure-serving:perimeter.ingressPolicies[0].from.identityType",
            E(Dev, string.Format(CultureInfo.InvariantCulture, DeployerIdentity, "dev"), "          identityType: anyIdentity\n"),
            E(Dev, AnySource, "            - resource: projects/333333333333\n")),
        new("egress to any project in prod", "egress-to-any-resource", "prod", Prod, "secure-serving:perimeter.egressPolicies[0].to.resources[0]",
            E(Prod, "  secure-serving:registryDns:", "    egressPolicies:\n      - from:\n          identities: [serviceAccount:ss-prod-fraud@acme-ml-prod.iam.gserviceaccount.com]\n        to:\n          resources: [\"*\"]\n          operations:\n            - service: bigquery.googleapis.com\n  secure-serving:registryDns:"),
            E(Prod, "          resources: [\"*\"]", "          resources: [projects/333333333333]")),
        new("ingress source naming no access level", "invalid-value", "dev", Dev, "secure-serving:perimeter.ingressPolicies[0].from.sources[0].accessLevel",
            E(Dev, AnySource, "            - accessLevel: ss_dev_builder\n"), E(Dev, "            - accessLevel: ss_dev_builder\n", "            - accessLevel: ss_dev_builders\n")),
        new("ingress with identities and identity type", "invalid-value", "dev", Dev, "secure-serving:perimeter.ingressPolicies[0].from",
            E(Dev, "          sources:\n", "          identityType: anyServiceAccount\n          sources:\n"), None),
        new("dry run of a change on a dry-run perimeter", "invalid-value", "dev", Dev, "secure-serving:perimeter.dryRun",
            E(Dev, "  secure-serving:registryDns:", "    dryRun:\n      restrictedServices: [storage.googleapis.com]\n  secure-serving:registryDns:"),
            E(Dev, "    mode: dryRun\n", "    mode: enforced\n")),
        new("VPC networks and IP ranges in one access level", "invalid-value", "dev", Dev, "secure-serving:perimeter.accessLevels[0].vpcNetworkSources",
            E(Dev, "        title: Image mirroring and platform admins\n", "        title: Image mirroring and platform admins\n        ipSubnetworks: [203.0.113.0/24]\n        vpcNetworkSources:\n          - network: //compute.googleapis.com/projects/acme-ml-dev/global/networks/ss-dev-vpc\n"),
            E(Dev, "        ipSubnetworks: [203.0.113.0/24]\n", "")),
        new("scope on an existing access policy", "invalid-value", "dev", Dev, "secure-serving:perimeter.accessPolicy.scope",
            E(Dev, "      id: \"987654321\"\n", "      id: \"987654321\"\n      scope: project\n"),
            E(Dev, "      id: \"987654321\"\n      scope: project\n", "      create: true\n      title: SecureServing dev policy\n      scope: project\n")),

        // ---- namespaces
        new("namespace claimed twice", "namespace-claimed-twice", "dev", Recsys, "namespace",
            E(Recsys, "namespace: recsys-models", "namespace: fraud-models"), None),
        new("system namespace", "system-namespace", "dev", Fraud, "namespace",
            E(Fraud, "namespace: fraud-models", "namespace: knative-serving"), E(Fraud, "namespace: knative-serving", "namespace: kubeflow-fraud")),
        new("activator namespace allowed as a caller", "system-namespace", "dev", Recsys, "allowedNamespaces[1]",
            E(Recsys, "  - fraud-models\nmodels", "  - fraud-models\n  - knative-serving\nmodels"), None),
        new("gateway namespace allowed as a caller", "system-namespace", "prod", ProdRecsys, "allowedNamespaces[0]",
            E(ProdRecsys, "  - fraud-models\nmodels", "  - istio-system\nmodels"), None),
        new("GKE system namespace allowed as a caller", "system-namespace", "dev", Recsys, "allowedNamespaces[0]",
            E(Recsys, "  - fraud-models\nmodels", "  - gke-managed-system\nmodels"), None),

        // ---- mesh
        new("sidecar off under authorization", "sidecar-off-with-authorization", "dev", Fraud, "models[1].sidecarInjection",
            E(Fraud, "    exposeViaIap: false\n", "    exposeViaIap: false\n    sidecarInjection: false\n"), E(Fraud, "namespace: fraud-models\n", "namespace: fraud-models\nauthorization: false\n")),
        new("activator on under isolation", "activator-bypasses-isolation", "dev", Fraud, "models[1].activator",
            E(Fraud, "    activator: \"off\"\n    exposeViaIap: false", "    activator: \"on\"\n    exposeViaIap: false"),
            E(Fraud, "    exposeViaIap: false\n", "    exposeViaIap: false\nacknowledge:\n  - rule: activator-bypasses-isolation\n    reason: internal batch scoring only\n")),
        new("KServe top-level virtual service", "top-level-virtual-service", "dev", Dev, "secure-serving:mesh.disableIstioVirtualHost",
            E(Dev, "    disableIstioVirtualHost: true", "    disableIstioVirtualHost: false"), None),
        new("top-level virtual service under mesh mTLS", "top-level-virtual-service", "prod", Prod, "secure-serving:mesh.disableIstioVirtualHost",
            E(Prod, "    disableIstioVirtualHost: true", "    disableIstioVirtualHost: false"), None),
        new("out-of-mesh callers under mesh-wide mTLS", "out-of-mesh-callers-blocked", "prod", Prod, "secure-serving:mesh.outOfMeshCallers",
            E(Prod, "    knativeLocalGatewayTls: istioMutual\n", "    knativeLocalGatewayTls: istioMutual\n    outOfMeshCallers: true\n"), None),
        new("out-of-mesh callers at an mTLS-only local gateway", "out-of-mesh-callers-blocked", "dev", Dev, "secure-serving:mesh.outOfMeshCallers",
            E(Dev, "    disableIstioVirtualHost: true\n", "    disableIstioVirtualHost: true\n    outOfMeshCallers: true\n"),
            E(Dev, "    outOfMeshCallers: true\n", "    outOfMeshCallers: true\n    knativeLocalGatewayTls: none\n  secure-serving:acknowledge:\n    - rule: out-of-mesh-callers-bypass-isolation\n      reason: a legacy batch job outside the mesh, until it gets a sidecar\n")),
        new("out-of-mesh callers through the open local gateway", "out-of-mesh-callers-bypass-isolation", "dev", Dev, "secure-serving:mesh.outOfMeshCallers",
            E(Dev, "    disableIstioVirtualHost: true\n", "    disableIstioVirtualHost: true\n    outOfMeshCallers: true\n    knativeLocalGatewayTls: none\n"),
            E(Dev, "  secure-serving:ingress:", "  secure-serving:acknowledge:\n    - rule: out-of-mesh-callers-bypass-isolation\n      reason: a legacy batch job outside the mesh, until it gets a sidecar\n  secure-serving:ingress:")),
        new("local gateway without mTLS", "local-gateway-without-mtls", "dev", Dev, "secure-serving:mesh.knativeLocalGatewayTls",
            E(Dev, "    disableIstioVirtualHost: true\n", "    disableIstioVirtualHost: true\n    knativeLocalGatewayTls: none\n"),
            E(Dev, "    knativeLocalGatewayTls: none\n", "    knativeLocalGatewayTls: istioMutual\n")),
        new("local gateway without mTLS under mesh mTLS", "local-gateway-without-mtls", "prod", Prod, "secure-serving:mesh.knativeLocalGatewayTls",
            E(Prod, "    knativeLocalGatewayTls: istioMutual", "    knativeLocalGatewayTls: none"), None),
        new("dex without issuer", "dex-incomplete", "prod", Prod, "secure-serving:mesh.dex.issuer",
            E(Prod, "      issuer: https://dex.example.com\n", ""), E(Prod, "    dex:\n", "    dex:\n      issuer: https://dex.example.com/\n")),
        new("dex without audiences", "dex-incomplete", "prod", Prod, "secure-serving:mesh.dex.audiences",
            E(Prod, "      audiences:\n        - kubeflow-oidc-authservice\n", "      audiences: []\n"), None),
        new("authorization off under Dex", "dex-not-enforced", "prod", ProdRecsys, "authorization",
            E(ProdRecsys, "namespace: recsys-models\n", "namespace: recsys-models\nauthorization: false\n"), E(ProdRecsys, "authorization: false\n", "authorization: true\n")),
        new("authorization off without Dex", "dex-not-enforced", "prod", ProdRecsys, "authorization",
            E(ProdRecsys, "namespace: recsys-models\n", "namespace: recsys-models\nauthorization: false\n"), E(Prod, ProdDex, "")),

        // ---- IAP
        new("IAP JWT not verified", "iap-jwt-not-verified", "dev", Dev, "secure-serving:iap.verifyJwtInMesh",
            E(Dev, "    verifyJwtInMesh: true", "    verifyJwtInMesh: false"), E(Dev, "    enabled: true\n", "    enabled: false\n")),
        new("IAP audience of another project", "iap-audience-project", "dev", Dev, "secure-serving:iap.audience",
            E(Dev, "    verifyJwtInMesh: true", "    audience: /projects/999999999999/global/backendServices/42\n    verifyJwtInMesh: true"),
            E(Dev, "/projects/999999999999/", "/projects/111111111111/")),
        new("acknowledging the IAP JWT check off", "ack-not-allowed", "dev", Dev, "secure-serving:acknowledge[0].rule",
            E(Dev, "    verifyJwtInMesh: true", "    verifyJwtInMesh: false\n  secure-serving:acknowledge:\n    - rule: iap-jwt-not-verified\n      reason: the load balancer is the only way in"), None),
        new("IAP without accessors", "iap-no-accessors", "dev", Dev, "secure-serving:iap.accessors",
            E(Dev, "    accessors:\n      - group:ml-platform@example.com\n    verifyJwtInMesh", "    accessors: []\n    verifyJwtInMesh"),
            E(Dev, "    enabled: true\n", "    enabled: false\n")),
        new("consumer domain in a team's members", "consumer-iap-member", "dev", Fraud, "members[0]",
            E(Fraud, "  - group:fraud-ml@example.com", "  - domain:gmail.com"), E(Fraud, "  - domain:gmail.com", "  - domain:example.com")),
        new("consumer domain among the IAP accessors, any case", "consumer-iap-member", "prod", Prod, "secure-serving:iap.accessors[1]",
            E(Prod, "      - group:ml-platform@example.com\n    verifyJwtInMesh", "      - group:ml-platform@example.com\n      - domain:GoogleMail.com\n    verifyJwtInMesh"), None),
        new("allUsers in a team's members", "invalid-value", "dev", Fraud, "members[0]",
            E(Fraud, "  - group:fraud-ml@example.com", "  - allUsers"), None),
        new("allAuthenticatedUsers among the IAP accessors", "invalid-value", "dev", Dev, "secure-serving:iap.accessors[0]",
            E(Dev, "      - group:ml-platform@example.com\n    verifyJwtInMesh", "      - allAuthenticatedUsers\n    verifyJwtInMesh"), None),
        new("OAuth client id without secret", "iap-oauth-admin-api", "prod", Prod, "secure-serving:iap.oauthClient.clientSecret",
            E(Prod, ProdSecret, ""),
            E(Prod, "    oauthClient:\n      clientId: 222222222222-abc123def456.apps.googleusercontent.com\n", "    oauthClient: managed\n")),
        new("OAuth brand key", "iap-oauth-admin-api", "dev", Dev, "secure-serving:iap.supportEmail",
            E(Dev, "    oauthClient: managed", "    oauthClient: managed\n    supportEmail: ml-platform@example.com"), None),
        new("plaintext client secret", "secret-in-clear", "prod", Prod, "secure-serving:iap.oauthClient.clientSecret",
            E(Prod, ProdSecret, "      clientSecret: not-really-secret-but-plaintext\n"), None),
        new("password in a team file", "secret-in-clear", "dev", Fraud, "models[0].password",
            E(Fraud, "    format: sklearn", "    format: sklearn\n    password: hunter2"), None),
        new("private key in an unknown key", "secret-in-clear", "dev", Dev, "secure-serving:ingress.cert",
            E(Dev, "    tls: certManager", "    tls: certManager\n    cert: |\n      -----BEGIN RSA PRIVATE KEY-----\n      MIIB\n      -----END RSA PRIVATE KEY-----"), None),

        // ---- perimeter and registries
        new("bucket outside the perimeter", "bucket-outside-perimeter", "dev", Fraud, "models[0].storageUri",
            E(Fraud, "    storageUri: \"{teamBucket}/sklearn/iris\"", "    storageUri: gs://kfserving-examples/models/sklearn/1.0/model"),
            E(Dev, "    imageMirrorIdentity:", "    buckets:\n      - gs://kfserving-examples\n    imageMirrorIdentity:")),
        new("image mirror identity without access level", "image-mirror-without-access-level", "prod", Prod, "secure-serving:perimeter.accessLevels",
            E(Prod, "          - serviceAccount:222222222222@cloudbuild.gserviceaccount.com\n    ingressPolicies:", "          - user:release-manager@example.com\n    ingressPolicies:"), None),
        new("image mirror identity without access level, dry run", "image-mirror-without-access-level", "dev", Dev, "secure-serving:perimeter.accessLevels",
            E(Dev, "          - serviceAccount:111111111111@cloudbuild.gserviceaccount.com\n", ""), None, "warning"),
        new("image from a registry no remote repository proxies", "image-registry-unreachable", "dev", Fraud, "models[1].image",
            E(Fraud, "    exposeViaIap: false\n", "    exposeViaIap: false\n    image: registry.example.com/fraud/xgbserver:v0.14.0\n"),
            E(Fraud, "    image: registry.example.com/fraud/xgbserver:v0.14.0", "    image: kserve/xgbserver:v0.14.0")),
        new("Docker Hub image without NAT, bring-your-own stack", "image-registry-unreachable", "dev", Fraud, "models[1].image",
            [new(Dev, "    install: true", "    install: false"), new(Fraud, "    exposeViaIap: false\n", "    exposeViaIap: false\n    image: kserve/xgbserver:v0.14.0\n")],
            E(Fraud, "    image: kserve/xgbserver:v0.14.0", "    image: europe-west4-docker.pkg.dev/acme-ml-dev/mirror/xgbserver:v0.14.0")),
        new("ONNX model whose only runtime is on nvcr.io", "image-registry-unreachable", "dev", Fraud, "models[1].format",
            E(Fraud, "    format: xgboost", "    format: onnx"),
            E(Dev, "    egress: restricted", "    egress: nat")),
        new("registry DNS on the private VIP", "registry-dns-vip", "dev", Dev, "secure-serving:registryDns.vip",
            E(Dev, "    vip: restricted", "    vip: private"), None),
        new("registry DNS without pkg.dev", "registry-dns-missing-domain", "dev", Dev, "secure-serving:registryDns.domains",
            E(Dev, "      - gcr.io\n      - pkg.dev\n", "      - gcr.io\n"), None),
        new("tls secret naming no secret", "ingress-tls-secret-missing", "dev", Dev, "secure-serving:ingress.tlsSecret",
            E(Dev, "    tls: certManager", "    tls: secret"), E(Dev, "    tls: secret", "    tls: secret\n    tlsSecret: models-dev-tls")),
        new("LoadBalancer Service beside IAP", "load-balancer-bypasses-iap", "dev", Dev, "secure-serving:ingress.loadBalancerService",
            E(Dev, "    tls: certManager", "    tls: certManager\n    loadBalancerService: true"), E(Dev, "    enabled: true\n", "    enabled: false\n")),
        new("LoadBalancer Service beside IAP, prod", "load-balancer-bypasses-iap", "prod", Prod, "secure-serving:ingress.loadBalancerService",
            E(Prod, "    tls: certManager", "    tls: certManager\n    loadBalancerService: true"), E(Prod, "    loadBalancerService: true", "    loadBalancerService: false")),

        // ---- versions
        new("Istio line outside the table", "version-unsupported", "dev", Dev, "secure-serving:versions.istio",
            E(Dev, "  secure-serving:ingress:\n", "  secure-serving:versions:\n    istio: 1.28.4\n  secure-serving:ingress:\n"),
            E(Dev, "    istio: 1.28.4", "    istio: 1.30.3")),
        new("Knative line that needs another Istio", "version-unsupported", "prod", Prod, "secure-serving:versions.istio",
            E(Prod, "  secure-serving:ingress:\n", "  secure-serving:versions:\n    knative: 1.22.0\n  secure-serving:ingress:\n"),
            E(Prod, "    knative: 1.22.0", "    knative: 1.22.0\n    istio: 1.29.5")),

        // ---- serving workloads and tenancy
        new("GPU type the region does not offer", "accelerator-not-in-region", "dev", Dev, "secure-serving:cluster.nodePools[1].accelerator.type",
            [new(Dev, "gcp:region: europe-west4", "gcp:region: europe-west1"), new(Dev, "        machineType: g2-standard-8", "        machineType: a2-highgpu-1g"), new(Dev, "          type: nvidia-l4", "          type: nvidia-tesla-a100")],
            [new(Dev, "        machineType: a2-highgpu-1g", "        machineType: g2-standard-8"), new(Dev, "          type: nvidia-tesla-a100", "          type: nvidia-l4")]),
        new("GPU region not knowable offline", "accelerator-not-in-region", "dev", Dev, "secure-serving:cluster.nodePools[1].accelerator.type",
            E(Dev, "gcp:region: europe-west4", "gcp:region: europe-north1"), None, "warning"),
        new("L4 on an N1 machine", "accelerator-machine-type", "dev", Dev, "secure-serving:cluster.nodePools[1].machineType",
            E(Dev, "        machineType: g2-standard-8", "        machineType: n1-standard-8"), E(Dev, "        machineType: n1-standard-8", "        machineType: g2-standard-4")),
        new("GPU model on a CPU pool", "gpu-model-without-accelerator-pool", "dev", Recsys, "models[2].nodePool",
            E(Recsys, "    nodePool: gpu-l4", "    nodePool: serving"), None),
        new("more GPUs than a node has", "gpu-model-without-accelerator-pool", "dev", Recsys, "models[2].resources.gpu",
            E(Recsys, "      gpu: 1\n", "      gpu: 2\n"), None),
        new("node pool that does not exist", "unknown-node-pool", "dev", Recsys, "models[2].nodePool",
            E(Recsys, "    nodePool: gpu-l4", "    nodePool: gpu-l5"), E(Dev, "      - name: gpu-l4\n", "      - name: gpu-l5\n")),
        new("only sandbox pools", "sandbox-only-pool", "dev", Dev, "secure-serving:cluster.nodePools",
            [new(Dev, "        maxNodes: 3\n", "        maxNodes: 3\n        sandbox: true\n"), new(Dev, "          driver: default\n", "          driver: default\n        sandbox: true\n")], None),
        new("sandboxed model without a sandbox pool", "sandbox-placement", "dev", Recsys, "models[0].sandbox",
            E(Recsys, "    storageUri: \"{teamBucket}/tensorflow/two-tower\"\n", "    storageUri: \"{teamBucket}/tensorflow/two-tower\"\n    sandbox: true\n"),
            E(Dev, "          driver: default\n", "          driver: default\n      - name: sandboxed\n        sandbox: true\n")),
        new("scale to zero with the activator off", "scale-to-zero-without-activator", "dev", Recsys, "models[1].minReplicas",
            E(Recsys, "    activator: \"on\"\n    exposeViaIap: false\n    minReplicas: 0", "    activator: \"off\"\n    exposeViaIap: false\n    minReplicas: 0"),
            E(Recsys, "    minReplicas: 0", "    minReplicas: 1")),
        new("GPU quota below the GPU model", "quota-too-small", "dev", Recsys, "quota.gpu",
            E(Recsys, "  gpu: 2\n", "  gpu: 0\n"), E(Recsys, "  gpu: 0\n", "  gpu: 1\n")),
        new("default quota below the replicas", "quota-too-small", "dev", Fraud, "quota",
            E(Fraud, "    exposeViaIap: false\n", "    exposeViaIap: false\n    minReplicas: 60\n"),
            E(Fraud, "    minReplicas: 60\n", "    minReplicas: 60\nquota:\n  pods: 100\n")),
        new("group member without Google Groups for RBAC", "team-member-not-bound", "dev", Fraud, "members[0]",
            None, E(Dev, "    deletionProtection: false\n", "    deletionProtection: false\n    securityGroup: gke-security-groups@example.com\n"), "warning"),
        new("scale on cpu in serverless mode", "invalid-value", "dev", Recsys, "models[2].scaleMetric",
            E(Recsys, "    scaleMetric: concurrency", "    scaleMetric: cpu"), E(Recsys, "    scaleMetric: cpu", "    scaleMetric: rps")),
        new("memory that is not a quantity", "invalid-value", "dev", Recsys, "models[2].resources.memory",
            E(Recsys, "      memory: 16Gi", "      memory: 16GB"), E(Recsys, "      memory: 16GB", "      memory: 16G")),
        new("taint effect in GKE's spelling", "invalid-value", "dev", Dev, "secure-serving:cluster.nodePools[1].taints[0].effect",
            E(Dev, "          driver: default\n", "          driver: default\n        taints:\n          - key: nvidia.com/gpu\n            value: present\n            effect: NO_SCHEDULE\n"),
            E(Dev, "            effect: NO_SCHEDULE\n", "            effect: NoSchedule\n")),
        new("maxReplicas below minReplicas", "invalid-value", "dev", Recsys, "models[2].maxReplicas",
            E(Recsys, "    maxReplicas: 2", "    maxReplicas: 0"), E(Recsys, "    maxReplicas: 0", "    maxReplicas: 1")),

        // ---- access (the rendered plan as a whole)
        new("activator on a Dex stack: the model's own namespace is kept out", "access-differs-from-intent", "prod", ProdRecsys, "models[0]",
            E(ProdRecsys, "    activator: \"off\"\n    exposeViaIap: true", "    activator: \"on\"\n    exposeViaIap: true\nacknowledge:\n  - rule: activator-bypasses-isolation\n    reason: scales to zero at night"),
            E(ProdRecsys, "    activator: \"on\"", "    activator: \"off\"")),

        // ---- acknowledgements
        new("acknowledging a misspelt rule", "ack-unknown-rule", "dev", Recsys, "acknowledge[0].rule",
            E(Recsys, "  - rule: activator-bypasses-isolation", "  - rule: activator-bypass-isolation"), None),
        new("acknowledging a non-acknowledgeable rule", "ack-not-allowed", "dev", Recsys, "acknowledge[0].rule",
            E(Recsys, "  - rule: activator-bypasses-isolation", "  - rule: secret-in-clear"), None),
        new("acknowledging without reason", "ack-reason-missing", "dev", Recsys, "acknowledge[0].reason",
            E(Recsys, "    reason: batch-ranker is called only by the nightly batch job in dev and must scale to zero; no user data in dev.", "    reason: \" \""), None),
        new("acknowledging a rule that found nothing", "ack-unused", "dev", Fraud, "acknowledge[0].rule",
            E(Fraud, "    exposeViaIap: false\n", "    exposeViaIap: false\nacknowledge:\n  - rule: sidecar-off-with-authorization\n    reason: legacy model\n"),
            E(Fraud, "    exposeViaIap: false\nacknowledge:", "    exposeViaIap: false\n    sidecarInjection: false\nacknowledge:"), "warning"),
    ];
}
