using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.ServingStack;

public sealed class ServingImagesTests
{
    [Fact]
    public void The_admission_check_of_an_unmirrored_install_sees_every_image_the_kserve_chart_runs()
    {
        var images = ServingImages.Upstream(TestConfigs.Dev());

        Assert.Equal(
            ["docker.io/kserve/kserve-controller", "docker.io/kserve/agent", "docker.io/kserve/router", "docker.io/kserve/storage-initializer",
             "quay.io/brancz/kube-rbac-proxy", "docker.io/kserve/art-explainer"],
            images.SkipWhile(i => !i.StartsWith("docker.io/kserve/", StringComparison.Ordinal)).Take(6));
        Assert.Contains("docker.io/istio/proxyv2", images);
        Assert.Contains("gcr.io/knative-releases/knative.dev/serving/cmd/queue", images);
    }
}
