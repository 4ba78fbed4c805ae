package dev.berth.proxy;

import java.util.List;

/**
 * A rendered nginx configuration: the text of {@code nginx.conf}, the files it refers to, and the hash it serves
 * on a loopback-only listener so that the runtime can check what nginx really loaded.
 *
 * @param text     the whole {@code nginx.conf}
 * @param hash     {@link ConfigHash#of(String)} of the text, the value {@code GET http://127.0.0.1:HASHPORT}
 *                 {@value ConfigHash#PATH} answers
 * @param hashPort the loopback port of that listener, inside the container's network namespace
 * @param files    the files to write beside {@code nginx.conf}, in path order; their digests are in the text, so
 *                 a changed certificate changes the hash
 * @param notes    what the configuration leaves out and why, one line each for people (a backend Service that
 *                 is not in the desired state, a TLS Secret that is missing); empty when everything was rendered
 */
public record NginxConfig(String text, String hash, int hashPort, List<ConfigFile> files, List<String> notes) {

    public NginxConfig {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }
}
