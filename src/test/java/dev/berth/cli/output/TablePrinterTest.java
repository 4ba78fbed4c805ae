package dev.berth.cli.output;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TablePrinterTest {
    static final Listing NODES = Listing.of(
            List.of(Listing.Column.of("NAME"), Listing.Column.of("STATUS"), Listing.Column.of("PODS")),
            List.of(item("node-1", "Ready", "3"),
                    item("node-2", "Ready,SchedulingDisabled", "0"),
                    item("node-3", "Unreachable", "1"),
                    item("node-4", "Cordoned?", "0")));

    static Listing.Item item(String... cells) {
        return new Listing.Item("node/" + cells[0], List.of(cells), null);
    }

    static String print(Listing listing, Palette palette) {
        StringWriter out = new StringWriter();
        Printer.forFormat(OutputFormat.TABLE, palette)
                .print(listing, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    static String withoutEscapes(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*m", "");
    }

    @Nested
    class Plain {
        @Test
        void alignsColumnsWithoutAnyEscape() {
            assertThat(print(NODES, Palette.PLAIN)).isEqualTo("""
                    NAME     STATUS                     PODS
                    node-1   Ready                      3
                    node-2   Ready,SchedulingDisabled   0
                    node-3   Unreachable                1
                    node-4   Cordoned?                  0
                    """).doesNotContain("\u001B");
        }

        @Test
        void isWhatAPrinterGetsWhenNoPaletteIsNamed() {
            StringWriter out = new StringWriter();
            Printer.forFormat(OutputFormat.TABLE)
                    .print(NODES, new PrintWriter(out), new PrintWriter(new StringWriter()));
            assertThat(out.toString()).isEqualTo(print(NODES, Palette.PLAIN));
        }
    }

    @Nested
    class Coloured {
        @Test
        void coloursEachStatusWordByWhatItMeans() {
            String table = print(NODES, Palette.ANSI);
            assertThat(table.lines()).containsExactly(
                    "NAME     STATUS                     PODS",
                    "node-1   \u001B[32mReady\u001B[0m                      3",
                    "node-2   \u001B[32mReady\u001B[0m,\u001B[33mSchedulingDisabled\u001B[0m   0",
                    "node-3   \u001B[31mUnreachable\u001B[0m                1",
                    "node-4   Cordoned?                  0");
        }

        @Test
        void padsByWhatTheTerminalShowsSoColumnsStayAligned() {
            assertThat(withoutEscapes(print(NODES, Palette.ANSI))).isEqualTo(print(NODES, Palette.PLAIN));
        }

        @Test
        void leavesColumnsOtherThanStatusAlone() {
            Listing listing = Listing.of(List.of(Listing.Column.of("NAME"), Listing.Column.of("READY")),
                    List.of(item("Running", "Ready")));

            assertThat(print(listing, Palette.ANSI)).isEqualTo(print(listing, Palette.PLAIN));
        }

        @Test
        void measuresCellsThatAlreadyCarryColour() {
            Listing listing = Listing.of(List.of(Listing.Column.of("NAME"), Listing.Column.of("AGE")),
                    List.of(item(Palette.ANSI.red("web"), "5m"), item("database", "1h")));

            assertThat(withoutEscapes(print(listing, Palette.ANSI))).isEqualTo("""
                    NAME       AGE
                    web        5m
                    database   1h
                    """);
        }
    }
}
