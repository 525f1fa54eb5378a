package dev.spoke.state;

/**
 * One of {@code count} disjoint slices of an export's keys ({@code --shard index/count}): a run with a shard reads,
 * sends and commits only the keys whose hash falls in it, so several workers can share one large export. Rows with
 * a NULL key belong to shard 0, so they are reported exactly once.
 *
 * @param index from 0 to count - 1
 * @param count the number of shards, at least 1
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is i/n with 0 <= i < n, got " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard takes i/n (e.g. 0/4), got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard takes i/n (e.g. 0/4), got '" + text + "'");
        }
    }

    public boolean isAll() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
