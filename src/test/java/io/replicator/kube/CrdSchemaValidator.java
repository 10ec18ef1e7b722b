package io.replicator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.List;

/**
 * A value against a CRD's openAPIV3Schema through a JSON Schema validator (the mock API server
 * validates nothing): types, formats, required fields and enums as a real API server checks them, and
 * fields the schema does not declare reported, where a real API server would prune them silently.
 */
final class CrdSchemaValidator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CrdSchemaValidator() {
    }

    /** What is wrong with {@code value}; empty when it fits. */
    static List<String> problems(Object value, JSONSchemaProps schema) {
        JsonNode closed = closeObjects(JSON.valueToTree(schema));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(closed, config)
                .validate(JSON.valueToTree(value)).stream().map(ValidationMessage::getMessage).toList();
    }

    /** additionalProperties: false on every object schema that declares its properties. */
    private static JsonNode closeObjects(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("properties") && !o.has("additionalProperties")) {
                o.put("additionalProperties", false);
            }
            o.forEach(CrdSchemaValidator::closeObjects);
        } else if (node.isArray()) {
            node.forEach(CrdSchemaValidator::closeObjects);
        }
        return node;
    }
}
