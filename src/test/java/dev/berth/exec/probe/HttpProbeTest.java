package dev.berth.exec.probe;

import dev.berth.model.IntOrString;
import dev.berth.model.Probe;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HttpProbeTest {
    private static final Probe.HttpGet READY = new Probe.HttpGet("/ready", IntOrString.of(8080), "HTTP");

    private static ProbeResult exchange(ScriptedConnection connection) throws Exception {
        return HttpProbe.exchange(connection, HttpProbe.request(READY, "172.18.0.5", 8080)).get(10, TimeUnit.SECONDS);
    }

    @Nested
    class TheRequest {
        @Test
        void isOneGetWithKubernetesHeaders() {
            assertThat(new String(HttpProbe.request(READY, "172.18.0.5", 8080), StandardCharsets.UTF_8))
                    .isEqualTo("GET /ready HTTP/1.1\r\nHost: 172.18.0.5:8080\r\nUser-Agent: berth-probe\r\n"
                            + "Accept: */*\r\nConnection: close\r\n\r\n");
        }

        @Test
        void takesTheProbesHeadersWhichReplaceBerthsOfTheSameName() {
            Probe.HttpGet get = new Probe.HttpGet("/ready?full=1", IntOrString.of(8080), "HTTP", List.of(
                    new Probe.HttpHeader("host", "web.example.com"), new Probe.HttpHeader("X-Probe", "a"),
                    new Probe.HttpHeader("X-Probe", "b")));

            assertThat(new String(HttpProbe.request(get, "172.18.0.5", 8080), StandardCharsets.UTF_8))
                    .isEqualTo("GET /ready?full=1 HTTP/1.1\r\nUser-Agent: berth-probe\r\nAccept: */*\r\n"
                            + "Connection: close\r\nhost: web.example.com\r\nX-Probe: a\r\nX-Probe: b\r\n\r\n");
        }

        @Test
        void cannotBeSplitByWhatAProbeHolds() {
            Probe.HttpGet hostile = new Probe.HttpGet("/a b\r\nX: y", IntOrString.of(80), "HTTP", List.of(
                    new Probe.HttpHeader("X-Ok", "1\r\nInjected: yes"), new Probe.HttpHeader("Bad Name", "x")));

            assertThat(new String(HttpProbe.request(hostile, "fd00::5", 80), StandardCharsets.UTF_8))
                    .isEqualTo("GET /a%20b%0D%0AX:%20y HTTP/1.1\r\nHost: [fd00::5]:80\r\nUser-Agent: berth-probe\r\n"
                            + "Accept: */*\r\nConnection: close\r\nX-Ok: 1  Injected: yes\r\n\r\n");
        }
    }

    @Nested
    class TheAnswer {
        @ParameterizedTest(name = "{0} passes")
        @CsvSource({"200", "204", "301", "302", "399"})
        void passesFrom200To399(int code) throws Exception {
            ProbeResult result = exchange(ScriptedConnection.answering("HTTP/1.1 " + code + " Whatever\r\n\r\nbody"));

            assertThat(result).isEqualTo(ProbeResult.pass("HTTP probe succeeded with statuscode: " + code));
        }

        @ParameterizedTest(name = "{0} fails")
        @CsvSource({"400", "404", "500", "503"})
        void failsOtherwiseSayingTheStatusCodeAsKubernetesDoes(int code) throws Exception {
            ProbeResult result = exchange(ScriptedConnection.answering("HTTP/1.0 " + code + " Nope\r\n"));

            assertThat(result).isEqualTo(ProbeResult.fail("HTTP probe failed with statuscode: " + code));
        }

        @Test
        void sendsTheRequestAndReadsAStatusLineSplitAcrossChunks() throws Exception {
            ScriptedConnection connection = ScriptedConnection.answering("HT", "TP/1.1 5", "00 Internal", " Error\r", "\n");

            assertThat(exchange(connection).detail()).isEqualTo("HTTP probe failed with statuscode: 500");
            assertThat(connection.written()).startsWith("GET /ready HTTP/1.1\r\n");
        }

        @Test
        void decidesOnTheStatusLineWithoutWaitingForHeadersOrBody() throws Exception {
            ScriptedConnection connection = ScriptedConnection.answering("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n");

            assertThat(exchange(connection).passed()).isTrue();
        }

        @Test
        void skipsInterimAnswers() throws Exception {
            ProbeResult result = exchange(ScriptedConnection.answering(
                    "HTTP/1.1 100 Continue\r\nX-A: 1\r\n\r\nHTTP/1.1 503 Service Unavailable\r\n\r\n"));

            assertThat(result.detail()).isEqualTo("HTTP probe failed with statuscode: 503");
        }

        @Test
        void acceptsBareLineFeedsAndAStatusLineWithoutReason() throws Exception {
            assertThat(exchange(ScriptedConnection.answering("HTTP/1.1 204\n\n")).passed()).isTrue();
        }

        @Test
        void failsWhenTheServerSaysSomethingElseThanHttp() throws Exception {
            ProbeResult result = exchange(ScriptedConnection.answering("SSH-2.0-OpenSSH_9.2p1\r\n"));

            assertThat(result).isEqualTo(ProbeResult.fail("HTTP probe failed: not an HTTP answer: \"SSH-2.0-OpenSSH_9.2p1\""));
        }

        @Test
        void failsWhenTheServerClosesWithoutAnswering() throws Exception {
            assertThat(exchange(ScriptedConnection.answering()).detail())
                    .isEqualTo("HTTP probe failed: the server closed the connection without answering");
            assertThat(exchange(ScriptedConnection.answering("HTTP/1.1 20")).detail())
                    .isEqualTo("HTTP probe failed: not an HTTP answer: \"HTTP/1.1 20\"");
        }

        @Test
        void readsNoFurtherThanItsLimit() throws Exception {
            ProbeResult result = exchange(ScriptedConnection.answering("x".repeat(ResponseHead.LIMIT + 10)));

            assertThat(result.detail()).isEqualTo("HTTP probe failed: no status line in the first 16384 bytes");
        }
    }
}
