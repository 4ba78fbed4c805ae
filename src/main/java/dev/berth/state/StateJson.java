package dev.berth.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The record's file format: one line of JSON that starts with {@code {"generation":N,} so that the write
 * script on a node can read the generation with {@code sed} and nothing else. Times are ISO-8601 text. The events
 * document ({@link EventLog}) has the same form.
 */
final class StateJson {
    static final String PREFIX = "{\"generation\":";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("berth-instants")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new InstantText()))
            .build();

    private StateJson() {
    }

    static byte[] write(StateRecord record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the state record", e);
        }
    }

    /** Reads a record; {@link UnreadableRecordException} when the bytes are not one. */
    static StateRecord read(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.startsWith(PREFIX)) {
            throw new UnreadableRecordException("it does not start with " + PREFIX);
        }
        try {
            return MAPPER.readValue(content, StateRecord.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableRecordException(e.getMessage().lines().findFirst().orElse("malformed JSON"));
        }
    }

    static byte[] write(EventLog events) {
        try {
            return MAPPER.writeValueAsBytes(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the events", e);
        }
    }

    /** Reads the events document; {@link UnreadableRecordException} when the bytes are not one. */
    static EventLog readEvents(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.startsWith(PREFIX)) {
            throw new UnreadableRecordException("it does not start with " + PREFIX);
        }
        try {
            return MAPPER.readValue(content, EventLog.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableRecordException(e.getMessage().lines().findFirst().orElse("malformed JSON"));
        }
    }

    /** The stored record file holds something berth cannot read. */
    static final class UnreadableRecordException extends RuntimeException {
        UnreadableRecordException(String message) {
            super(message);
        }
    }

    private static final class InstantText extends StdScalarDeserializer<Instant> {
        InstantText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return Instant.parse(parser.getValueAsString());
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getValueAsString(),
                        "not an ISO-8601 instant");
            }
        }
    }
}
