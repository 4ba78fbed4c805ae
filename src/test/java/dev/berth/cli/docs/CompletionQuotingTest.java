package dev.berth.cli.docs;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionQuotingTest {
    @Nested
    class Fish {
        @Test
        void escapesQuotesAndBackslashesInsideSingleQuotes() {
            assertThat(FishCompletion.quote("it's a \\ path")).isEqualTo("'it\\'s a \\\\ path'");
        }

        @Test
        void leavesDollarsAndParenthesesAloneBecauseSingleQuotesKeepThemLiteral() {
            assertThat(FishCompletion.quote("$HOME (x)")).isEqualTo("'$HOME (x)'");
        }
    }

    @Nested
    class Zsh {
        @Test
        void endsAndRestartsSingleQuotesAroundAQuote() {
            assertThat(ZshCompletion.quote("it's")).isEqualTo("'it'\\''s'");
        }

        @Test
        void escapesWhatArgumentsDescriptionsTreatSpecially() {
            assertThat(ZshCompletion.describe("a [b]: c\\d")).isEqualTo("a \\[b\\]\\: c\\\\d");
        }
    }
}
