package io.replicator.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * fabric8's Kubernetes mock API server in CRUD mode, bound to 127.0.0.1, with the project's CRDs
 * (k8s/base/crd/*.yaml) registered both as CRD objects and as custom resource contexts, so custom
 * resources behave as on a real API server: status is a subresource, spec updates ignore status.
 */
public final class KubeMockServer implements AutoCloseable {
    public static final Path CRD_DIR = Path.of("k8s/base/crd");
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final List<CustomResourceDefinition> crds = new ArrayList<>();

    public KubeMockServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        client = server.createClient();
        for (CustomResourceDefinition crd : loadCrds(client)) {
            server.expectCustomResource(CustomResourceDefinitionContext.fromCrd(crd));
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
            crds.add(crd);
        }
    }

    static List<CustomResourceDefinition> loadCrds(KubernetesClient client) {
        try (Stream<Path> files = Files.list(CRD_DIR)) {
            List<CustomResourceDefinition> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CRDs from " + CRD_DIR.toAbsolutePath(), e);
        }
    }

    public KubernetesClient client() {
        return client;
    }

    /** The registered CRD of a kind, e.g. "BucketSync". */
    public CustomResourceDefinitionContext context(String kind) {
        return crds.stream().filter(c -> c.getSpec().getNames().getKind().equals(kind))
                .map(CustomResourceDefinitionContext::fromCrd).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CRD of kind " + kind));
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
