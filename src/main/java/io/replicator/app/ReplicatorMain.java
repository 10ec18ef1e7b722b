package io.replicator.app;

public final class ReplicatorMain {
    public static void main(String[] args) {
    }
}
