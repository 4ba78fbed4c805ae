package dev.berth.model;

import dev.berth.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectorSyntaxTest {
    private static final Map<String, String> WEB = Map.of("app", "web", "env", "prod", "tier", "frontend");

    @Test
    void equalityAndInequality() {
        assertThat(SelectorSyntax.parse("app=web").matches(WEB)).isTrue();
        assertThat(SelectorSyntax.parse("app==web,env=prod").matches(WEB)).isTrue();
        assertThat(SelectorSyntax.parse("app=api").matches(WEB)).isFalse();
        assertThat(SelectorSyntax.parse("tier!=db").matches(WEB)).isTrue();
        assertThat(SelectorSyntax.parse("tier!=frontend").matches(WEB)).isFalse();
    }

    @Test
    void setsWithCommasInsideParentheses() {
        assertThat(SelectorSyntax.parse("env in (prod, staging),app=web").matches(WEB)).isTrue();
        assertThat(SelectorSyntax.parse("env notin (prod,staging)").matches(WEB)).isFalse();
    }

    @Test
    void existence() {
        assertThat(SelectorSyntax.parse("tier").matches(WEB)).isTrue();
        assertThat(SelectorSyntax.parse("!legacy").matches(WEB)).isTrue();
        assertThat(SelectorSyntax.parse("!app").matches(WEB)).isFalse();
    }

    @Test
    void garbageIsAUsageErrorThatExplainsTheSyntax() {
        assertThatThrownBy(() -> SelectorSyntax.parse("app=web,=x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("cannot read the label selector \"app=web,=x\" at \"=x\": use key=value, key!=value, "
                        + "key in (a,b), key notin (a,b), key or !key, separated by commas");
    }
}
