package dev.berth.manifest.schema;

import java.util.regex.Pattern;

/** The naming rules of Kubernetes, as rules for {@link Fields}. */
public final class Names {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern QUALIFIED = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    /** A DNS-1123 label: namespaces, container, volume and Service port names. */
    public static final Rule DNS_LABEL = Names::dnsLabel;
    /** A DNS-1123 subdomain: Deployment, ConfigMap, Secret, Ingress and claim names. */
    public static final Rule DNS_SUBDOMAIN = Names::dnsSubdomain;
    /** A DNS-1035 label (starts with a letter): Service names. */
    public static final Rule DNS1035_LABEL = Names::dns1035Label;
    public static final Rule LABEL_KEY = Names::labelKey;
    public static final Rule LABEL_VALUE = Names::labelValue;
    /** An IANA service name: container port names. */
    public static final Rule PORT = Names::portName;
    public static final Rule CONFIG_KEY_RULE = Names::configKey;
    public static final Rule ENV_VAR = value -> ENV_NAME.matcher(value).matches() ? null
            : "must be a valid environment variable name (letters, digits, '_', '-', '.', not starting with a digit)"
            + ", got \"" + value + "\"";
    public static final Rule ANY = value -> null;

    private Names() {
    }

    static String dnsLabel(String value) {
        if (value.length() <= 63 && LABEL.matcher(value).matches()) {
            return null;
        }
        return "must be a DNS-1123 label (at most 63 lowercase letters, digits and '-', starting and ending "
                + "with a letter or digit), got \"" + value + "\"";
    }

    static String dns1035Label(String value) {
        if (value.length() <= 63 && DNS1035.matcher(value).matches()) {
            return null;
        }
        return "must be a DNS-1035 label (at most 63 lowercase letters, digits and '-', starting with a letter "
                + "and ending with a letter or digit), got \"" + value + "\"";
    }

    static String dnsSubdomain(String value) {
        if (value.length() <= 253 && SUBDOMAIN.matcher(value).matches()) {
            return null;
        }
        return "must be a DNS-1123 subdomain (at most 253 lowercase letters, digits, '-' and '.', starting and "
                + "ending with a letter or digit), got \"" + value + "\"";
    }

    static String labelKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || dnsSubdomain(prefix) != null) {
                return "label key prefix must be a DNS-1123 subdomain, got \"" + key + "\"";
            }
        }
        if (name.length() <= 63 && QUALIFIED.matcher(name).matches()) {
            return null;
        }
        return "label key must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter "
                + "or digit, with an optional DNS subdomain prefix and '/', got \"" + key + "\"";
    }

    static String labelValue(String value) {
        if (value.isEmpty() || (value.length() <= 63 && QUALIFIED.matcher(value).matches())) {
            return null;
        }
        return "label value must be empty or at most 63 letters, digits, '-', '_' or '.', starting and ending "
                + "with a letter or digit, got \"" + value + "\"";
    }

    static String portName(String value) {
        if (value.length() <= 15 && PORT_NAME.matcher(value).matches() && !value.contains("--")
                && value.chars().anyMatch(Character::isLetter)) {
            return null;
        }
        return "port name must be at most 15 lowercase letters, digits and '-', with at least one letter, "
                + "got \"" + value + "\"";
    }

    static String configKey(String value) {
        if (value.length() <= 253 && CONFIG_KEY.matcher(value).matches() && !value.equals(".")
                && !value.equals("..")) {
            return null;
        }
        return "key must consist of letters, digits, '-', '_' or '.', got \"" + value + "\"";
    }
}
