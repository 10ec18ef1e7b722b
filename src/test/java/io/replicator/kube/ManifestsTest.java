package io.replicator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.replicator.config.ConfigBinder;
import io.replicator.config.ConfigException;
import io.replicator.psk.PskKeyGenerator;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under k8s/ as a cluster would take them: every YAML parses into fabric8's typed
 * objects with no unknown field, kustomize builds (where kubectl exists), and the Deployment, Role,
 * sync-now Job, samples and each overlay's properties agree with what the application expects.
 */
class ManifestsTest {
    private static final Path K8S = Path.of("k8s");
    private static final KubernetesSerialization KUBE = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String CONFIG = "/etc/camel-replicator/replicator.properties";
    private static final String OUR_GROUP = "replication.camel-replicator.io";
    /** What the application calls (docs/kubernetes.md, RBAC): group, resources, verbs. */
    private static final List<String> NEEDED = List.of(
            OUR_GROUP + " bucketsyncs,replicationsources,replicationdestinations get,list,watch,create,update,patch",
            OUR_GROUP + " bucketsyncs/status,replicationsources/status,replicationdestinations/status get,update,patch",
            "coordination.k8s.io leases get,list,watch,create,update,patch",
            " pods get,list,watch", " pods/log get", " secrets get,create",
            " persistentvolumeclaims get,list,create,delete", " events create,patch",
            "snapshot.storage.k8s.io volumesnapshots get,list,watch,create,delete",
            "batch jobs get,list,watch,create,delete");

    @Test
    void everyManifestIsATypedObjectWithKindApiVersionNameAndNoUnknownField() throws IOException {
        List<Path> files = yamlFiles().filter(f -> !isKustomization(f)).toList();
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            for (HasMetadata o : parse(Files.readString(f))) {
                assertValid(o, f.toString());
                if (f.startsWith(K8S.resolve("base/crd"))) {
                    assertThat(o).as(f.toString()).isInstanceOf(CustomResourceDefinition.class);
                }
            }
        }
    }

    @Test
    void everyFileAKustomizationNamesExists() throws IOException {
        for (Path k : yamlFiles().filter(ManifestsTest::isKustomization).toList()) {
            JsonNode root = YAML.readTree(k.toFile());
            List<String> refs = new ArrayList<>();
            root.path("resources").forEach(r -> refs.add(r.asText()));
            root.path("patches").forEach(p -> refs.add(p.path("path").asText()));
            root.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> refs.add(f.asText().replaceFirst("^[^=]*=", ""))));
            assertThat(refs).as(k.toString()).isNotEmpty();
            for (String ref : refs) {
                Path target = k.getParent().resolve(ref).normalize();
                assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                        .as(k + " names " + ref + ", which does not exist").isTrue();
            }
        }
    }

    @Test
    void deploymentProbesTheManagementPortAndRunsLockedDown() throws IOException {
        Deployment d = KUBE.unmarshal(Files.readString(K8S.resolve("base/manager/deployment.yaml")), Deployment.class);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertThat(probe(c, c.getLivenessProbe())).isEqualTo("9876 /observe/health/live");
        assertThat(probe(c, c.getReadinessProbe())).isEqualTo("9876 /observe/health/ready");
        assertThat(env(c, "MANAGEMENT_PORT")).isEqualTo("9876");
        assertThat(env(c, "MANAGEMENT_HOST")).isEqualTo("0.0.0.0");
        assertThat(env(c, "JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=75");
        assertThat(c.getEnv()).filteredOn(e -> e.getValueFrom() != null)
                .extracting(e -> e.getName() + "=" + e.getValueFrom().getFieldRef().getFieldPath())
                .contains("POD_NAME=metadata.name", "POD_NAMESPACE=metadata.namespace");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(c.getArgs()).containsExactly("--config", CONFIG);
        assertThat(mountedFrom(pod, c, CONFIG).getConfigMap().getName()).isEqualTo("camel-replicator-config");
        assertThat(mountedFrom(pod, c, "/tmp").getEmptyDir()).isNotNull();
    }

    @Test
    void syncNowJobRunsOnceWithTheDeploymentsConfigCredentialsAndLockdown() throws IOException {
        Deployment d = KUBE.unmarshal(Files.readString(K8S.resolve("base/manager/deployment.yaml")), Deployment.class);
        Job job = KUBE.unmarshal(Files.readString(K8S.resolve("jobs/sync-now.yaml")), Job.class);
        PodSpec dp = d.getSpec().getTemplate().getSpec();
        PodSpec jp = job.getSpec().getTemplate().getSpec();
        Container dc = dp.getContainers().get(0);
        Container jc = jp.getContainers().get(0);
        // The documented sed replaces these three literals: each must be there.
        assertThat(job.getMetadata().getGenerateName()).isEqualTo("sync-now-daily-buckets-");
        assertThat(jc.getImage()).isEqualTo("camel-replicator:latest");
        assertThat(jc.getArgs()).containsExactly("--config", CONFIG, "--once", "daily-buckets");
        assertThat(load(K8S.resolve("overlays/rclone-replacement/replicator.properties")))
                .containsKey("replicator.bucket-sync.daily-buckets.source");
        assertThat(mountedFrom(jp, jc, CONFIG)).isEqualTo(mountedFrom(dp, dc, CONFIG));
        assertThat(jc.getEnvFrom()).isEqualTo(dc.getEnvFrom());
        assertThat(jc.getSecurityContext()).isEqualTo(dc.getSecurityContext());
        assertThat(jp.getServiceAccountName()).isEqualTo(dp.getServiceAccountName());
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .doesNotContainEntry("app.kubernetes.io/name", "camel-replicator");
    }

    @Test
    void roleGrantsExactlyWhatTheApplicationUsesInItsNamespace() throws IOException {
        Role role = KUBE.unmarshal(Files.readString(K8S.resolve("base/rbac/role.yaml")), Role.class);
        Set<String> granted = new TreeSet<>();
        role.getRules().forEach(r -> r.getApiGroups().forEach(g -> r.getResources().forEach(res -> r.getVerbs()
                .forEach(v -> granted.add(g + "|" + res + "|" + v)))));
        Set<String> needed = new TreeSet<>();
        for (String line : NEEDED) {
            String[] f = line.split(" ", -1);
            for (String res : f[1].split(",")) {
                for (String v : f[2].split(",")) {
                    needed.add(f[0] + "|" + res + "|" + v);
                }
            }
        }
        assertThat(granted).isEqualTo(needed).noneMatch(t -> t.contains("*"));
    }

    @Test
    void sampleCustomResourcesFitTheirCrdSchema() throws IOException {
        Map<String, CustomResourceDefinition> crds = new java.util.HashMap<>();
        for (Path f : yamlFiles().filter(f -> f.startsWith(K8S.resolve("base/crd")) && !isKustomization(f)).toList()) {
            CustomResourceDefinition crd = KUBE.unmarshal(Files.readString(f), CustomResourceDefinition.class);
            crds.put(crd.getSpec().getNames().getKind(), crd);
        }
        List<Path> samples = yamlFiles().filter(f -> f.startsWith(K8S.resolve("samples"))).toList();
        assertThat(samples).hasSize(3);
        for (Path f : samples) {
            GenericKubernetesResource r = (GenericKubernetesResource) parse(Files.readString(f)).get(0);
            CustomResourceDefinition crd = crds.get(r.getKind());
            assertThat(crd).as(f + ": kind " + r.getKind()).isNotNull();
            assertThat(r.getApiVersion()).isEqualTo(OUR_GROUP + "/" + crd.getSpec().getVersions().get(0).getName());
            List<String> wrong = new ArrayList<>();
            fits(r.getAdditionalProperties().get("spec"),
                    crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema().getProperties().get("spec"), "spec", wrong);
            assertThat(wrong).as(f.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base/crd", "base", "overlays/rclone-replacement", "overlays/volume-source", "overlays/volume-destination"})
    void kustomizeBuildsTypedObjectsThatAgreeWithTheProperties(String dir, @TempDir Path tmp) throws Exception {
        Optional<Path> kubectl = onPath("kubectl");
        Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not on PATH: kustomize builds not checked (the manifests are still parsed)");
        List<HasMetadata> objects = parse(kustomize(kubectl.get(), K8S.resolve(dir), tmp));
        objects.forEach(o -> assertValid(o, dir + ": " + o.getKind() + " " + o.getMetadata().getName()));
        assertThat(objects).as(dir + ": Secrets are created out of band, never in a kustomization").noneMatch(Secret.class::isInstance);
        if (dir.equals("base/crd")) {
            assertThat(objects).hasSize(3).allMatch(CustomResourceDefinition.class::isInstance);
            return;
        }
        Deployment d = only(objects, Deployment.class);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        ConfigMap cm = only(objects, ConfigMap.class);
        assertThat(mountedFrom(pod, pod.getContainers().get(0), CONFIG).getConfigMap().getName()).isEqualTo(cm.getMetadata().getName());
        Properties props = load(K8S.resolve(dir).resolve("replicator.properties"));
        assertThat(load(cm.getData().get("replicator.properties"))).isEqualTo(props);
        if (dir.startsWith("overlays/")) {
            assertThat(objects).allMatch(o -> "camel-replicator".equals(o.getMetadata().getNamespace()), "in namespace camel-replicator");
        }
        Service svc = only(objects, Service.class);
        for (String job : sectionNames(props, "replicator.volume-destination.")) {
            String p = "replicator.volume-destination." + job + ".";
            Volume data = mountedFrom(pod, pod.getContainers().get(0), props.getProperty(p + "path"));
            assertThat(data.getPersistentVolumeClaim().getClaimName()).isEqualTo(props.getProperty(p + "destination-pvc"));
            assertThat(objects).anyMatch(o -> o.getKind().equals("PersistentVolumeClaim") && o.getMetadata().getName().equals(data.getPersistentVolumeClaim().getClaimName()));
            assertThat(svc.getSpec().getPorts()).anyMatch(sp -> sp.getPort() == Integer.parseInt(props.getProperty(p + "port", "8000")));
            assertThat(svc.getSpec().getType()).isEqualTo("LoadBalancer");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rclone-replacement", "volume-source", "volume-destination"})
    void overlayPropertiesBind(String overlay, @TempDir Path root) throws IOException {
        Path dir = K8S.resolve("overlays").resolve(overlay);
        Properties props = load(dir.resolve("replicator.properties"));
        // Credentials arrive as environment variables from the Secret camel-replicator-credentials.
        Set<String> env = new TreeSet<>();
        if (Files.exists(dir.resolve("secret.example.yaml"))) {
            env.addAll(KUBE.unmarshal(Files.readString(dir.resolve("secret.example.yaml")), Secret.class).getStringData().keySet());
        }
        try {
            new ConfigBinder(props.stringPropertyNames(), k -> resolve(props, env, root, k)).bind();
        } catch (ConfigException e) {
            boolean binderKnowsKubernetes = knowsKubernetesProperties();
            if (binderKnowsKubernetes) {
                throw e;
            }
            // Before the binder learns the Kubernetes properties only they may be refused.
            String newKeys = "^replicator\\.(kubernetes\\.[a-z-]+|volume-(source|destination)\\.[a-z0-9-]+\\.(source-pvc|destination-pvc|copy-method"
                    + "|storage-class-name|volume-snapshot-class-name|capacity|access-modes|key-secret|key-file|snapshot-retain|service-address))[ =].*";
            assertThat(e.problems()).as(overlay).allMatch(s -> s.matches(newKeys));
            Assumptions.abort("the config binder does not know replicator.kubernetes.* yet; only those properties were refused: " + e.problems());
        }
    }

    private static boolean knowsKubernetesProperties() {
        try {
            new ConfigBinder(List.of("replicator.kubernetes.enabled"), k -> Optional.of("true")).bind();
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    /** A property as the pod would see it: absolute paths under a temp root (made to exist), env from the Secret. */
    private static Optional<String> resolve(Properties props, Set<String> env, Path root, String key) {
        String v = props.getProperty(key);
        if (v == null) {
            String name = key.toUpperCase().replace('.', '_').replace('-', '_');
            return env.contains(name) ? Optional.of("value-of-" + name) : Optional.empty();
        }
        try {
            if (key.endsWith(".path") && v.startsWith("/")) {
                return Optional.of(Files.createDirectories(root.resolve(v.substring(1))).toString());
            }
            if (key.endsWith(".key-file") && v.startsWith("/")) {
                Path f = root.resolve(v.substring(1));
                Files.createDirectories(f.getParent());
                return Optional.of(Files.writeString(f, PskKeyGenerator.generate("test") + "\n").toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(v);
    }

    private static void assertValid(HasMetadata o, String where) {
        assertThat(o.getKind()).as(where + ": kind").isNotBlank();
        assertThat(o.getApiVersion()).as(where + ": apiVersion").isNotBlank();
        assertThat(Optional.ofNullable(o.getMetadata().getName()).orElse(o.getMetadata().getGenerateName())).as(where + ": name").isNotBlank();
        assertThat(o.getKind()).as(where).isNotIn("ClusterRole", "ClusterRoleBinding");
        if (o instanceof GenericKubernetesResource) {
            assertThat(o.getApiVersion()).as(where + ": a kind fabric8 does not know").startsWith(OUR_GROUP + "/");
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(o, o.getKind(), unknown);
        assertThat(unknown).as(where + ": fields the API server would reject or drop").isEmpty();
    }

    /** fabric8 keeps fields it does not know in additionalProperties: a typo there would be silently ignored. */
    private static void unknownFields(Object o, String where, List<String> out) {
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, where + "[" + i++ + "]", out);
            }
        } else if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, where + "." + k, out));
        } else if (o != null && !(o instanceof GenericKubernetesResource) && o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method g : o.getClass().getMethods()) {
                if (g.getParameterCount() > 0 || !g.getName().startsWith("get") || g.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object v = invoke(g, o);
                if (g.getName().equals("getAdditionalProperties") && v instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> out.add(where + "." + k));
                } else {
                    unknownFields(v, where + "." + g.getName().substring(3), out);
                }
            }
        }
    }

    private static Object invoke(Method g, Object o) {
        try {
            return g.invoke(o);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(g + " on " + o.getClass(), e);
        }
    }

    /** Structural check of a sample against the CRD's openAPIV3Schema: known fields, types, enums. */
    private static void fits(Object value, JSONSchemaProps schema, String where, List<String> wrong) {
        switch (schema.getType()) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> m)) {
                    wrong.add(where + " is not an object");
                    return;
                }
                m.forEach((k, v) -> {
                    JSONSchemaProps p = schema.getProperties() == null ? null : schema.getProperties().get(String.valueOf(k));
                    if (p == null && schema.getAdditionalProperties() != null) {
                        p = schema.getAdditionalProperties().getSchema();
                    }
                    if (p == null) {
                        wrong.add(where + "." + k + " is not in the schema");
                    } else {
                        fits(v, p, where + "." + k, wrong);
                    }
                });
            }
            case "array" -> {
                if (!(value instanceof List<?> l)) {
                    wrong.add(where + " is not an array");
                    return;
                }
                l.forEach(e -> fits(e, schema.getItems().getSchema(), where + "[]", wrong));
            }
            case "string" -> {
                if (!(value instanceof String s)) {
                    wrong.add(where + " is not a string");
                } else if (!schema.getEnum().isEmpty() && schema.getEnum().stream().noneMatch(e -> e.asText().equals(s))) {
                    wrong.add(where + "=" + s + " is not one of " + schema.getEnum());
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    wrong.add(where + " is not an integer");
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    wrong.add(where + " is not a boolean");
                }
            }
            default -> wrong.add(where + ": unexpected schema type " + schema.getType());
        }
    }

    private static String probe(Container c, Probe p) {
        var port = p.getHttpGet().getPort();
        int number = port.getIntVal() != null ? port.getIntVal() : c.getPorts().stream()
                .filter(cp -> port.getStrVal().equals(cp.getName())).findFirst().orElseThrow().getContainerPort();
        return number + " " + p.getHttpGet().getPath();
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    /** The volume mounted at a path (its mount found by path, the volume by name). */
    private static Volume mountedFrom(PodSpec pod, Container c, String path) {
        String name = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + path)).getName();
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    private static <T> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static Set<String> sectionNames(Properties props, String prefix) {
        Set<String> names = new TreeSet<>();
        props.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> names.add(k.substring(prefix.length(), k.indexOf('.', prefix.length()))));
        return names;
    }

    private static List<HasMetadata> parse(String yaml) {
        Object o = KUBE.unmarshal(yaml);
        List<?> items = o instanceof List<?> l ? l : o instanceof KubernetesList kl ? kl.getItems() : List.of(o);
        return items.stream().map(HasMetadata.class::cast).toList();
    }

    private static String kustomize(Path kubectl, Path dir, Path tmp) throws IOException, InterruptedException {
        Path out = tmp.resolve("out.yaml");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("kubectl kustomize " + dir + " ended").isTrue();
        assertThat(p.exitValue()).as("kubectl kustomize " + dir + ": " + Files.readString(err)).isZero();
        return Files.readString(out);
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s, command)).filter(Files::isExecutable).findFirst();
    }

    private static Stream<Path> yamlFiles() throws IOException {
        try (Stream<Path> all = Files.walk(K8S)) {
            return all.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static boolean isKustomization(Path f) {
        return f.getFileName().toString().equals("kustomization.yaml");
    }

    private static Properties load(Path file) throws IOException {
        return load(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Properties load(String text) throws IOException {
        Properties p = new Properties();
        try (Reader r = new java.io.StringReader(text)) {
            p.load(r);
        }
        return p;
    }
}
