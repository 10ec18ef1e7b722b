package io.replicator.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value against a CRD's openAPIV3Schema, as a structural schema is enforced by a real API server
 * (the mock server enforces none of it): types, declared fields, required fields and enums.
 */
final class CrdSchema {
    private CrdSchema() {
    }

    /** What is wrong with {@code value} at {@code path}; empty when it fits. */
    static List<String> problems(Object value, JSONSchemaProps schema, String path) {
        List<String> wrong = new ArrayList<>();
        check(value, schema, path, wrong);
        return wrong;
    }

    private static void check(Object v, JSONSchemaProps s, String where, List<String> wrong) {
        if (!hasType(v, s.getType())) {
            wrong.add(where + " is not of type " + s.getType());
        } else if (v instanceof Map<?, ?> m) {
            if (s.getRequired() != null) {
                s.getRequired().stream().filter(k -> !m.containsKey(k)).forEach(k -> wrong.add(where + "." + k + " is required"));
            }
            m.forEach((k, x) -> {
                JSONSchemaProps p = Optional.ofNullable(s.getProperties()).map(ps -> ps.get(String.valueOf(k)))
                        .orElse(s.getAdditionalProperties() == null ? null : s.getAdditionalProperties().getSchema());
                if (p == null) {
                    wrong.add(where + "." + k + " is not in the schema");
                } else {
                    check(x, p, where + "." + k, wrong);
                }
            });
        } else if (v instanceof List<?> l) {
            l.forEach(e -> check(e, s.getItems().getSchema(), where + "[]", wrong));
        } else if (s.getEnum() != null && !s.getEnum().isEmpty()
                && s.getEnum().stream().noneMatch(e -> e.asText().equals(String.valueOf(v)))) {
            wrong.add(where + "=" + v + " is not one of " + s.getEnum());
        }
    }

    private static boolean hasType(Object v, String type) {
        return switch (type) {
            case "object" -> v instanceof Map;
            case "array" -> v instanceof List;
            case "string" -> v instanceof String;
            case "integer" -> v instanceof Integer || v instanceof Long;
            case "boolean" -> v instanceof Boolean;
            default -> false;
        };
    }
}
