package dev.berth.bench.fleet;

import java.nio.file.Path;
import java.util.List;

/** What the simulator was asked to serve: how many nodes, on which ports, with how much delay. */
record SimulatorOptions(int nodes, int basePort, int delayMillis, Path out, String user, int containersPerNode,
                        List<String> keyExchanges, int berthParallelism) {

    static final String USAGE = "usage: fleet-simulator --nodes N --base-port PORT --delay-ms MS --out DIR"
            + " [--user NAME] [--containers-per-node K] [--kex NAME,...] [--berth-parallelism P]";

    static SimulatorOptions parse(String[] args) {
        int nodes = 100;
        int basePort = 22000;
        int delayMillis = 0;
        Path out = null;
        String user = "bench";
        int containers = 3;
        List<String> keyExchanges = List.of();
        int berthParallelism = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--nodes" -> nodes = number(args[i], value, 1, 20_000);
                case "--base-port" -> basePort = number(args[i], value, 1024, 65_000);
                case "--delay-ms" -> delayMillis = number(args[i], value, 0, 10_000);
                case "--out" -> out = Path.of(required(args[i], value));
                case "--user" -> user = required(args[i], value);
                case "--containers-per-node" -> containers = number(args[i], value, 0, 100);
                case "--kex" -> keyExchanges = List.of(required(args[i], value).split(","));
                case "--berth-parallelism" -> berthParallelism = number(args[i], value, 1, 1024);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required\n" + USAGE);
        }
        if (basePort + nodes > 65_535) {
            throw new IllegalArgumentException("ports " + basePort + ".." + (basePort + nodes - 1) + " do not fit");
        }
        return new SimulatorOptions(nodes, basePort, delayMillis, out.toAbsolutePath(), user, containers, keyExchanges,
                berthParallelism);
    }

    int port(int node) {
        return basePort + node;
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(required(option, value));
            if (number < min || number > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not " + value);
        }
    }
}
