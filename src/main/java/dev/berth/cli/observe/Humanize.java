package dev.berth.cli.observe;

import java.time.Duration;
import java.util.Locale;

/** The short forms kubectl prints: ages like {@code 5m30s} or {@code 3d}, CPU like {@code 250m}, memory like {@code 512Mi}. */
public final class Humanize {
    private Humanize() {
    }

    /** kubectl's human duration: precise while short, coarse when long. */
    public static String age(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        if (seconds < 120) {
            return seconds + "s";
        }
        if (minutes < 10) {
            return minutes + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        if (hours < 8) {
            return hours + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return days + "d" + (hours % 24 == 0 ? "" : hours % 24 + "h");
        }
        if (days < 365 * 2) {
            return days + "d";
        }
        return days / 365 + "y";
    }

    /** CPU in millis as Kubernetes writes it: {@code 250m}, {@code 2}, {@code 1500m}. */
    public static String cpu(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : millis + "m";
    }

    /** Memory in binary units: {@code 0}, {@code 512Mi}, {@code 23.5Gi}. */
    public static String memory(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        String[] units = {"Ki", "Mi", "Gi", "Ti"};
        double value = bytes;
        String unit = "";
        for (String next : units) {
            if (value < 1024) {
                break;
            }
            value /= 1024;
            unit = next;
        }
        if (unit.isEmpty()) {
            return String.valueOf(bytes);
        }
        return (value == Math.rint(value) || value >= 100 ? String.valueOf(Math.round(value))
                : String.format(Locale.ROOT, "%.1f", value)) + unit;
    }

    /** {@code part/whole (NN%)}, with no percentage when the whole is unknown. */
    public static String share(String part, String whole, long partValue, long wholeValue) {
        if (wholeValue <= 0) {
            return part + "/?";
        }
        return part + "/" + whole + " (" + Math.round(100.0 * partValue / wholeValue) + "%)";
    }
}
