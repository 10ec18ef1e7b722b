package io.replicator.kube.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonValueFormat;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * An RFC 3339 timestamp kept as the API server's string: written as it is, and declared to the CRD
 * generator (which reads Jackson's format visitor) as {@code format: date-time}, which the API server
 * validates.
 */
public final class DateTimeString extends StdSerializer<String> {
    public DateTimeString() {
        super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value);
    }

    @Override
    public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType hint) throws JsonMappingException {
        visitStringFormat(visitor, hint, JsonValueFormat.DATE_TIME);
    }
}
