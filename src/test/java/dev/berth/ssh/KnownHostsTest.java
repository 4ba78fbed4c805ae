package dev.berth.ssh;

import dev.berth.ssh.KnownHosts.HostKey;
import dev.berth.ssh.KnownHosts.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KnownHostsTest {
    static final HostKey KEY = new HostKey("ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIKnown");
    static final HostKey OTHER = new HostKey("ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIOther");

    static Verdict check(List<String> lines, String token, HostKey key) {
        return KnownHosts.parse(lines).check(token, key);
    }

    @Nested
    class HostTokens {
        @Test
        void isTheBareHostOnPort22() {
            assertThat(KnownHosts.hostToken("node-1.example.com", 22)).isEqualTo("node-1.example.com");
        }

        @Test
        void bracketsHostAndPortOnOtherPorts() {
            assertThat(KnownHosts.hostToken("10.0.0.12", 2222)).isEqualTo("[10.0.0.12]:2222");
        }
    }

    @Nested
    class PlainEntries {
        @Test
        void knowsAListedKey() {
            assertThat(check(List.of("# comment", "", "web,10.0.0.11 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown c"),
                    "10.0.0.11", KEY)).isEqualTo(new Verdict(Verdict.Kind.KNOWN, 3));
        }

        @Test
        void callsAHostWithoutEntriesUnknown() {
            assertThat(check(List.of("web ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown"), "db", KEY))
                    .isEqualTo(new Verdict(Verdict.Kind.UNKNOWN, 0));
        }

        @Test
        void callsADifferentKeyForAKnownHostChanged() {
            assertThat(check(List.of("web ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther"), "web", KEY))
                    .isEqualTo(new Verdict(Verdict.Kind.CHANGED, 1));
        }

        @Test
        void acceptsTheMatchingKeyAmongSeveralForOneHost() {
            assertThat(check(List.of("web ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther",
                    "web ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown"), "web", KEY))
                    .isEqualTo(new Verdict(Verdict.Kind.KNOWN, 2));
        }

        @Test
        void distinguishesPortsInBrackets() {
            List<String> lines = List.of("[web]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown");

            assertThat(check(lines, "[web]:2222", KEY).kind()).isEqualTo(Verdict.Kind.KNOWN);
            assertThat(check(lines, "web", KEY).kind()).isEqualTo(Verdict.Kind.UNKNOWN);
            assertThat(check(lines, "[web]:2223", KEY).kind()).isEqualTo(Verdict.Kind.UNKNOWN);
        }

        @Test
        void matchesHostNamesIgnoringCase() {
            assertThat(check(List.of("Web.Example.COM ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown"),
                    "web.example.com", KEY).kind()).isEqualTo(Verdict.Kind.KNOWN);
        }
    }

    @Nested
    class KeyTypes {
        static final HostKey ECDSA = new HostKey("ecdsa-sha2-nistp256", "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYKnown");

        @Test
        void callsAHostKnownOnlyUnderAnotherKeyTypeChangedAsOpenSshDoes() {
            assertThat(check(List.of("web ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYOther"), "web", KEY))
                    .isEqualTo(new Verdict(Verdict.Kind.CHANGED, 1));
        }

        @Test
        void namesTheLineOfTheSameTypeAsTheOneThatDiffers() {
            List<String> lines = List.of("web ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYOther",
                    "web ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther");

            assertThat(check(lines, "web", KEY)).isEqualTo(new Verdict(Verdict.Kind.CHANGED, 2));
        }

        @Test
        void knowsAKeyOfOneTypeBesideKeysOfOthers() {
            List<String> lines = List.of("web ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown",
                    "web ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYKnown");

            assertThat(check(lines, "web", ECDSA)).isEqualTo(new Verdict(Verdict.Kind.KNOWN, 2));
        }

        @Test
        void listsTheTypesRecordedForAHostUnderTheSameNameRulesAsTheCheck() {
            byte[] salt = "twenty-byte-salt-123".getBytes(StandardCharsets.US_ASCII);
            KnownHosts knownHosts = KnownHosts.parse(List.of(
                    "[web]:2222 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYKnown",
                    "web ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown",
                    HashedEntries.hashed("[web]:2222", salt) + " ssh-rsa AAAAB3NzaC1yc2EKnown",
                    "*.example.com,[web]:* ssh-dss AAAAB3NzaC1kc3MKnown",
                    "@revoked [web]:2222 sk-ssh-ed25519@openssh.com AAAAGnNrRevoked",
                    "@cert-authority [web]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICa"));

            assertThat(knownHosts.keyTypes("[web]:2222"))
                    .containsExactly("ecdsa-sha2-nistp256", "ssh-rsa", "ssh-dss");
            assertThat(knownHosts.keyTypes("web")).containsExactly("ssh-ed25519");
            assertThat(knownHosts.keyTypes("db")).isEmpty();
        }
    }

    @Nested
    class Patterns {
        @Test
        void matchWildcards() {
            List<String> lines = List.of("*.prod.example.com,10.0.0.? ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown");

            assertThat(check(lines, "web.prod.example.com", KEY).kind()).isEqualTo(Verdict.Kind.KNOWN);
            assertThat(check(lines, "10.0.0.7", KEY).kind()).isEqualTo(Verdict.Kind.KNOWN);
            assertThat(check(lines, "10.0.0.17", KEY).kind()).isEqualTo(Verdict.Kind.UNKNOWN);
        }

        @Test
        void excludeNegatedHosts() {
            List<String> lines = List.of("*.example.com,!bastion.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown");

            assertThat(check(lines, "web.example.com", KEY).kind()).isEqualTo(Verdict.Kind.KNOWN);
            assertThat(check(lines, "bastion.example.com", KEY).kind()).isEqualTo(Verdict.Kind.UNKNOWN);
        }
    }

    @Nested
    class LargeFiles {
        @Test
        void findEveryHostOfAThousandLineFile() {
            List<String> lines = IntStream.range(0, 1000)
                    .mapToObj(i -> "[127.0.0.1]:" + (22000 + i) + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown")
                    .toList();
            KnownHosts file = KnownHosts.parse(lines);

            assertThat(file.check("[127.0.0.1]:22000", KEY)).isEqualTo(new Verdict(Verdict.Kind.KNOWN, 1));
            assertThat(file.check("[127.0.0.1]:22999", KEY)).isEqualTo(new Verdict(Verdict.Kind.KNOWN, 1000));
            assertThat(file.check("[127.0.0.1]:23000", KEY)).isEqualTo(new Verdict(Verdict.Kind.UNKNOWN, 0));
        }

        @Test
        void letTheEarlierLineDecideBetweenLiteralAndWildcardEntries() {
            List<String> lines = List.of(
                    "*.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther",
                    "web.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown");
            HostKey third = new HostKey("ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIThird");

            assertThat(check(lines, "web.example.com", KEY)).isEqualTo(new Verdict(Verdict.Kind.KNOWN, 2));
            assertThat(check(lines, "web.example.com", OTHER)).isEqualTo(new Verdict(Verdict.Kind.KNOWN, 1));
            assertThat(check(lines, "web.example.com", third)).isEqualTo(new Verdict(Verdict.Kind.CHANGED, 1));
        }

        @Test
        void readAnEntryWithANegationAsAPatternList() {
            List<String> lines = List.of("web,!web ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown");

            assertThat(check(lines, "web", KEY)).isEqualTo(new Verdict(Verdict.Kind.UNKNOWN, 0));
        }
    }

    @Nested
    class HashedEntries {
        static String hashed(String token, byte[] salt) {
            Base64.Encoder base64 = Base64.getEncoder();
            return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(KnownHosts.hmacSha1(salt, token));
        }

        @Test
        void matchTheHostTheyHash() {
            byte[] salt = "twenty-byte-salt-123".getBytes(StandardCharsets.US_ASCII);
            List<String> lines = List.of(hashed("[10.0.0.12]:2222", salt) + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown");

            assertThat(check(lines, "[10.0.0.12]:2222", KEY)).isEqualTo(new Verdict(Verdict.Kind.KNOWN, 1));
            assertThat(check(lines, "10.0.0.12", KEY).kind()).isEqualTo(Verdict.Kind.UNKNOWN);
        }

        @Test
        void reportAChangedKeyLikePlainOnes() {
            byte[] salt = "another-salt-of-20-b".getBytes(StandardCharsets.US_ASCII);
            List<String> lines = List.of(hashed("web", salt) + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther");

            assertThat(check(lines, "web", KEY).kind()).isEqualTo(Verdict.Kind.CHANGED);
        }

        @Test
        void agreeWithAKnownOpenSshHash() {
            // written by `ssh-keygen -H` for the host "node-1"
            String line = "|1|hPW8smjOQH8YFss6p7LIXsLBHyk=|VDavjKrr6kwgaofFrTY3SEJ2bH4= ssh-ed25519 "
                    + KEY.base64();

            assertThat(KnownHosts.hashedMatches(line.split(" ")[0], "node-1")).isTrue();
        }

        @Test
        void ignoreMalformedHashes() {
            assertThat(check(List.of("|1|not-base64!|x ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown"), "web", KEY).kind())
                    .isEqualTo(Verdict.Kind.UNKNOWN);
        }
    }

    @Nested
    class Markers {
        @Test
        void revokedKeyIsRefusedEvenWhenAlsoListed() {
            List<String> lines = List.of("web ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown",
                    "@revoked * ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown");

            assertThat(check(lines, "web", KEY)).isEqualTo(new Verdict(Verdict.Kind.REVOKED, 2));
        }

        @Test
        void certificateAuthoritiesAreNotTrustedAsHostKeys() {
            assertThat(check(List.of("@cert-authority * ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown"), "web", KEY).kind())
                    .isEqualTo(Verdict.Kind.UNKNOWN);
        }
    }

    @Test
    void writesLinesAcceptNewCanReadBack() {
        String line = KnownHosts.line("[web]:2222", OTHER);

        assertThat(line).isEqualTo("[web]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther");
        assertThat(check(List.of(line), "[web]:2222", OTHER).kind()).isEqualTo(Verdict.Kind.KNOWN);
    }

    @Nested
    class Appending {
        @TempDir
        Path directory;

        @Test
        void createsTheFileAndItsFolder() throws Exception {
            Path file = directory.resolve("ssh/known_hosts");

            KnownHosts.append(file, "[web]:2222", KEY);

            assertThat(Files.readString(file)).isEqualTo("[web]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKnown\n");
        }

        @Test
        void startsALineOfItsOwnAfterAFileWithoutAFinalNewline() throws Exception {
            Path file = Files.writeString(directory.resolve("known_hosts"), "web " + OTHER.type() + " " + OTHER.base64());

            KnownHosts.append(file, "[web]:2222", KEY);

            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(2);
            assertThat(check(lines, "web", OTHER).kind()).isEqualTo(Verdict.Kind.KNOWN);
            assertThat(check(lines, "[web]:2222", KEY).kind()).isEqualTo(Verdict.Kind.KNOWN);
        }
    }
}
