package dev.berth.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Finds the line of a field or list element in YAML text, by its path (as Jackson reports it
 * in a mapping error). Jackson's own error locations point past the offending value, often at
 * the next line, so the line is looked up again by walking the tokens.
 */
final class YamlLines {
    private YamlLines() {
    }

    /** The 1-based line where the value at {@code path} starts, if the text has it. */
    static Optional<Integer> lineOf(ObjectMapper yaml, String text, List<Reference> path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try (JsonParser parser = yaml.createParser(text)) {
            Deque<Frame> frames = new ArrayDeque<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                Frame top = frames.peekLast();
                if (token == JsonToken.FIELD_NAME) {
                    top.step = parser.currentName();
                } else if (top != null && top.array && !token.isStructEnd()) {
                    top.step = top.next++;
                }
                if (!token.isStructEnd() && matches(frames, path)) {
                    return Optional.of(parser.currentTokenLocation().getLineNr());
                }
                if (token.isStructStart()) {
                    frames.addLast(new Frame(token == JsonToken.START_ARRAY));
                } else if (token.isStructEnd()) {
                    frames.removeLast();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean matches(Deque<Frame> frames, List<Reference> path) {
        if (frames.size() != path.size()) {
            return false;
        }
        int i = 0;
        for (Frame frame : frames) {
            Reference reference = path.get(i++);
            Object wanted = reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex();
            if (!wanted.equals(frame.step)) {
                return false;
            }
        }
        return true;
    }

    /** One open mapping or list, and where in it the walk is. */
    private static final class Frame {
        final boolean array;
        Object step;
        int next;

        Frame(boolean array) {
            this.array = array;
        }
    }
}
