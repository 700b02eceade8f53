using SecureServing.Core.Config;
using SecureServing.Core.ServingStack;
using SecureServing.Core.Tests.Fixtures;

namespace SecureServing.Core.Tests.ServingStack;

public sealed class ImageMirrorsTests
{
    private static readonly ImageMirrors Mirrors = ImageMirrors.For(TestConfigs.Dev() with { Serving = new ServingConfig { Install = true } })!;
    private const string Prefix = "europe-west4-docker.pkg.dev/acme-ml-dev/";

    [Theory]
    [InlineData("kserve/sklearnserver:v0.20.0", "ss-dev-docker-io/kserve/sklearnserver:v0.20.0")]
    [InlineData("docker.io/seldonio/mlserver:1.5.0", "ss-dev-docker-io/seldonio/mlserver:1.5.0")]
    [InlineData("index.docker.io/istio/pilot:1.30.3", "ss-dev-docker-io/istio/pilot:1.30.3")]
    [InlineData("nginx", "ss-dev-docker-io/library/nginx")]
    [InlineData("docker.io/busybox:1.36", "ss-dev-docker-io/library/busybox:1.36")]
    [InlineData("quay.io/jetstack/cert-manager-controller:v1.21.1", "ss-dev-quay-io/jetstack/cert-manager-controller:v1.21.1")]
    [InlineData("gcr.io/knative-releases/knative.dev/serving/cmd/activator@sha256:0123abcd", "ss-dev-gcr-io/knative-releases/knative.dev/serving/cmd/activator@sha256:0123abcd")]
    [InlineData("ghcr.io/acme/fraud-scorer:3", "ss-dev-ghcr-io/acme/fraud-scorer:3")]
    public void Proxied_registries_are_pulled_through_their_remote_repository(string image, string mirrored)
    {
        Assert.Equal(Prefix + mirrored, Mirrors.Rewrite(image));
        Assert.True(Mirrors.IsMirrored(Mirrors.Rewrite(image)));
    }

    [Theory]
    [InlineData("nvcr.io/nvidia/tritonserver:23.05-py3")]
    [InlineData("registry.example.com:5000/team/model:1")]
    [InlineData("europe-west4-docker.pkg.dev/acme-ml-dev/ss-dev-docker-io/kserve/agent:v0.20.0")]
    [InlineData("europe-west4-docker.pkg.dev/acme-ml-dev/mirror/xgbserver:v0.14.0")]
    public void Other_registries_and_the_mirrors_themselves_are_left_alone(string image)
    {
        Assert.Equal(image, Mirrors.Rewrite(image));
    }

    [Theory]
    [InlineData("gcr.io/acme-ml-dev/fraud-scorer:3", "gcr.io/acme-ml-dev/fraud-scorer:3")]
    [InlineData("eu.gcr.io/acme-ml-dev/fraud-scorer:3", "eu.gcr.io/acme-ml-dev/fraud-scorer:3")]
    [InlineData("gcr.io/acme-ml-dev-other/fraud-scorer:3", Prefix + "ss-dev-gcr-io/acme-ml-dev-other/fraud-scorer:3")]
    [InlineData("ghcr.io/acme/fraud-scorer:3", Prefix + "ss-dev-ghcr-io/acme/fraud-scorer:3")]
    public void A_model_image_in_the_stack_s_own_gcr_io_is_pulled_as_written_and_others_through_the_mirror(string image, string pulled)
    {
        var installing = TestConfigs.Dev() with { Serving = new ServingConfig { Install = true } };

        Assert.Equal(pulled, ImageMirrors.ModelImage(installing, image));
        Assert.Equal(image, ImageMirrors.ModelImage(TestConfigs.Dev(), image));
    }

    [Fact]
    public void Mirrors_exist_only_when_the_stack_installs_on_gke_with_restricted_egress()
    {
        var installing = TestConfigs.Dev() with { Serving = new ServingConfig { Install = true } };

        Assert.NotNull(ImageMirrors.For(installing));
        Assert.Null(ImageMirrors.For(TestConfigs.Dev()));
        Assert.Null(ImageMirrors.For(installing with { Network = installing.Network with { Egress = EgressMode.Nat } }));
        Assert.Null(ImageMirrors.For(installing with { Cluster = installing.Cluster with { Provider = ClusterProvider.Existing } }));
        Assert.Equal(["docker.io", "quay.io", "gcr.io", "ghcr.io"], ImageMirrors.Upstreams.Select(u => u.Host));
    }
}
