package dev.rewind.domain;

/** Who makes a change and from where; recorded on every event. */
public record Actor(String user, String host) {
    public Actor {
        user = user == null || user.isBlank() ? "unknown" : user;
        host = host == null || host.isBlank() ? "unknown" : host;
    }
}
