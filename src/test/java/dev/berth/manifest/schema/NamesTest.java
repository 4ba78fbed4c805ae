package dev.berth.manifest.schema;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @Nested
    class DnsLabel {
        @ParameterizedTest
        @ValueSource(strings = {"web", "a", "web-1", "1web", "a23456789012345678901234567890123456789012345678901234567890123"})
        void accepts(String name) {
            assertThat(Names.DNS_LABEL.check(name)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Web", "web_1", "-web", "web-", "a.b", "", "a234567890123456789012345678901234567890123456789012345678901234"})
        void refuses(String name) {
            assertThat(Names.DNS_LABEL.check(name)).startsWith("must be a DNS-1123 label");
        }
    }

    @Nested
    class Dns1035Label {
        @ParameterizedTest
        @ValueSource(strings = {"1web", "9"})
        void refusesALeadingDigitAsKubernetesDoesForServices(String name) {
            assertThat(Names.DNS1035_LABEL.check(name)).startsWith("must be a DNS-1035 label");
        }
    }

    @Nested
    class Subdomain {
        @ParameterizedTest
        @ValueSource(strings = {"web", "web.example.com", "a-b.c-d"})
        void accepts(String name) {
            assertThat(Names.DNS_SUBDOMAIN.check(name)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"web..com", ".web", "Web.com", "web_app"})
        void refuses(String name) {
            assertThat(Names.DNS_SUBDOMAIN.check(name)).startsWith("must be a DNS-1123 subdomain");
        }
    }

    @Nested
    class Labels {
        @ParameterizedTest
        @ValueSource(strings = {"app", "app.kubernetes.io/name", "example.com/Team_1", "a"})
        void acceptsKeys(String key) {
            assertThat(Names.LABEL_KEY.check(key)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-app", "/app", "Example.com/app", "app/", "a b"})
        void refusesKeys(String key) {
            assertThat(Names.LABEL_KEY.check(key)).isNotNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "v1.2.3", "Front_End"})
        void acceptsValues(String value) {
            assertThat(Names.LABEL_VALUE.check(value)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-v1", "a b", "v1/"})
        void refusesValues(String value) {
            assertThat(Names.LABEL_VALUE.check(value)).startsWith("label value must be");
        }
    }

    @Nested
    class PortNames {
        @ParameterizedTest
        @ValueSource(strings = {"80", "http--alt", "a234567890123456", "HTTP"})
        void refusesWhatIsNoIanaServiceName(String name) {
            assertThat(Names.PORT.check(name)).startsWith("port name must be");
        }
    }
}
