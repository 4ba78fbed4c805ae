package dev.berth.ssh;

/** The numbers of the signals an SSH server names when one ended a command ({@code exit-signal}). */
final class Signals {

    private Signals() {
    }

    static int number(String signal) {
        return switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "KILL" -> 9;
            case "SEGV" -> 11;
            case "PIPE" -> 13;
            case "ALRM" -> 14;
            default -> 15;
        };
    }
}
