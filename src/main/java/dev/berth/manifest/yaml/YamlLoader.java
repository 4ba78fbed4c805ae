package dev.berth.manifest.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.berth.manifest.Position;
import dev.berth.manifest.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads multi-document YAML into located nodes. Refuses what has no place in a manifest and could
 * hurt: aliases (the "billion laughs" bomb), nesting deeper than {@value #MAX_DEPTH} levels, and
 * duplicate keys, which are reported with both positions while loading goes on.
 */
public final class YamlLoader {
    /** Kubernetes manifests rarely nest deeper than 15 levels. */
    public static final int MAX_DEPTH = 64;

    private final YAMLFactory factory;

    public YamlLoader(int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // found and reported here, with positions
        options.setMaxAliasesForCollections(1);
        options.setNestingDepthLimit(MAX_DEPTH + 10); // the reader's own check, with a position, comes first
        options.setCodePointLimit(maxCodePoints);
        this.factory = YAMLFactory.builder()
                .loaderOptions(options)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL) // "key:" is null, as in YAML 1.1 and Kubernetes
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 10).build())
                .build();
    }

    /** The documents of one file (empty documents left out) and what is wrong with its YAML. */
    public record Loaded(List<Node> documents, List<Problem> problems) {
    }

    public Loaded load(String file, byte[] content) {
        List<Node> documents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) factory.createParser(content)) {
            Reader reader = new Reader(file, parser, problems);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                Node document = reader.read(token, "", 0);
                if (!(document instanceof ScalarNode scalar && scalar.isNull())) {
                    documents.add(document);
                }
            }
        } catch (RefusedYaml refused) {
            problems.add(refused.problem);
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(file, e));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(Problem.Severity.ERROR, new Position(file, 1, 1), "",
                    "cannot read YAML: " + firstLine(e.getMessage())));
        }
        return new Loaded(documents, problems);
    }

    private static Problem syntaxProblem(String file, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return new Problem(Problem.Severity.ERROR, new Position(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "", "invalid YAML: " + marked.getProblem());
        }
        JsonLocation location = e.getLocation();
        Position position = location == null || location.getLineNr() < 1
                ? new Position(file, 1, 1)
                : new Position(file, location.getLineNr(), location.getColumnNr());
        return new Problem(Problem.Severity.ERROR, position, "", "invalid YAML: " + firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Stops loading a file at once. */
    private static final class RefusedYaml extends RuntimeException {
        private final Problem problem;

        RefusedYaml(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** Turns the token stream of one file into nodes. */
    private record Reader(String file, YAMLParser parser, List<Problem> problems) {

        Node read(JsonToken token, String path, int depth) throws IOException {
            Position position = position(parser.currentTokenLocation());
            if (parser.isCurrentAlias()) {
                throw new RefusedYaml(new Problem(Problem.Severity.ERROR, position, "",
                        "YAML aliases (*" + parser.getText() + ") are not supported by berth; write the value out"));
            }
            if (depth > MAX_DEPTH) {
                throw new RefusedYaml(new Problem(Problem.Severity.ERROR, position, "",
                        "YAML nested deeper than " + MAX_DEPTH + " levels"));
            }
            return switch (token) {
                case START_OBJECT -> mapping(position, path, depth);
                case START_ARRAY -> sequence(position, path, depth);
                case VALUE_STRING -> new ScalarNode(position, parser.getText(), ScalarNode.Type.STRING);
                case VALUE_NUMBER_INT -> new ScalarNode(position, parser.getText(), ScalarNode.Type.INTEGER);
                case VALUE_NUMBER_FLOAT -> new ScalarNode(position, parser.getText(), ScalarNode.Type.FLOAT);
                case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(position, parser.getText(), ScalarNode.Type.BOOLEAN);
                case VALUE_NULL -> new ScalarNode(position, "", ScalarNode.Type.NULL);
                default -> throw new RefusedYaml(new Problem(Problem.Severity.ERROR, position, "",
                        "unsupported YAML value (explicit tags such as !!binary are not supported)"));
            };
        }

        private MappingNode mapping(Position position, String path, int depth) throws IOException {
            Map<String, MappingNode.Entry> entries = new LinkedHashMap<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String key = parser.currentName();
                Position keyPosition = position(parser.currentTokenLocation());
                String keyPath = path.isEmpty() ? key : path + "." + key;
                Node value = read(parser.nextToken(), keyPath, depth + 1);
                MappingNode.Entry first = entries.get(key);
                if (first != null) {
                    problems.add(new Problem(Problem.Severity.ERROR, keyPosition, keyPath,
                            "duplicate key \"" + key + "\" (first at line " + first.keyPosition().line() + ")"));
                } else {
                    entries.put(key, new MappingNode.Entry(key, keyPosition, value));
                }
            }
            return new MappingNode(position, entries);
        }

        private SequenceNode sequence(Position position, String path, int depth) throws IOException {
            List<Node> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                items.add(read(token, path + "[" + items.size() + "]", depth + 1));
            }
            return new SequenceNode(position, items);
        }

        private Position position(JsonLocation location) {
            return new Position(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
        }
    }
}
