package dev.spoke.warehouse;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Many values of each kind of key column, as SQL literals of a dialect: the edge values of the kind (bounds, zero,
 * 2^53 and its neighbours, scales, leap days, epoch) followed by seeded random ones, so a failure names a value that
 * can be replayed.
 */
public final class KeySamples {
    static final int RANDOM_VALUES = 150;

    private final Dialect dialect;
    private final Random random;

    KeySamples(Dialect dialect, long seed) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.random = new Random(seed);
    }

    /** Integers from {@code min} to {@code max}, both included. */
    public List<String> integers(BigInteger min, BigInteger max) {
        List<BigInteger> edges = new ArrayList<>(List.of(min, max, BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN));
        for (int bits : new int[] {7, 8, 15, 16, 31, 32, 53, 63, 64, 100, 127}) {
            BigInteger power = BigInteger.TWO.pow(bits);
            for (BigInteger value : List.of(power, power.subtract(BigInteger.ONE), power.add(BigInteger.ONE))) {
                edges.add(value);
                edges.add(value.negate());
            }
        }
        List<String> values = new ArrayList<>();
        edges.stream().filter(value -> value.compareTo(min) >= 0 && value.compareTo(max) <= 0)
                .forEach(value -> values.add(value.toString()));
        BigInteger span = max.subtract(min).add(BigInteger.ONE);
        for (int i = 0; i < RANDOM_VALUES; i++) {
            BigInteger offset = new BigInteger(span.bitLength() + 8, random).mod(span);
            BigInteger value = min.add(i % 2 == 0 ? offset : offset.mod(BigInteger.valueOf(100_000)));
            values.add(value.toString());
        }
        return values;
    }

    /** Integers of a signed type of {@code bits} bits. */
    public List<String> signed(int bits) {
        BigInteger max = BigInteger.TWO.pow(bits - 1).subtract(BigInteger.ONE);
        return integers(max.negate().subtract(BigInteger.ONE), max);
    }

    /** Integers of an unsigned type of {@code bits} bits. */
    public List<String> unsigned(int bits) {
        return integers(BigInteger.ZERO, BigInteger.TWO.pow(bits).subtract(BigInteger.ONE));
    }

    /** Decimals of {@code precision} digits, {@code scale} of them after the point, written with every digit. */
    public List<String> decimals(int precision, int scale, String type) {
        List<String> values = new ArrayList<>();
        BigInteger limit = BigInteger.TEN.pow(precision);
        List<BigInteger> unscaled = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN,
                limit.subtract(BigInteger.ONE), limit.subtract(BigInteger.ONE).negate(), BigInteger.valueOf(-1)));
        for (int i = 0; i < RANDOM_VALUES; i++) {
            int digits = 1 + random.nextInt(precision);
            BigInteger value = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
            unscaled.add(random.nextBoolean() ? value : value.negate());
        }
        unscaled.forEach(value -> values.add(cast(new BigDecimal(value, scale).toPlainString(), type)));
        return values;
    }

    /** Doubles (or floats) of every magnitude, as the shortest text that gives them back. */
    public List<String> floats(boolean single, String type) {
        List<String> values = new ArrayList<>();
        for (double edge : new double[] {0, 1, -1, 0.1, 1.5, 1e20, 1e-7, 123456789.125, 9007199254740993.0,
                single ? Float.MAX_VALUE : Double.MAX_VALUE, single ? Float.MIN_NORMAL : Double.MIN_NORMAL}) {
            values.add(cast(single ? Float.toString((float) edge) : Double.toString(edge), type));
        }
        for (int i = 0; i < RANDOM_VALUES; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(single ? 60 : 600) - (single ? 30 : 300));
            values.add(cast(single ? Float.toString((float) value) : Double.toString(value), type));
        }
        return values;
    }

    /** Text of every kind: empty, spaces, digits with leading zeros, quotes, backslashes, accents, emoji. */
    public List<String> strings() {
        List<String> values = new ArrayList<>(List.of("''", "' '", "'007'", "'42'", "'true'", "'null'",
                dialect.quoteLiteral("it's \"quoted\""), dialect.quoteLiteral("back\\slash"),
                dialect.quoteLiteral("Ünïcödé 🦆"), dialect.quoteLiteral("tab\tnew\nline")));
        String alphabet = "abcXYZ019 -_.,;:'\"\\/éß中🦆";
        for (int i = 0; i < RANDOM_VALUES; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(20);
            for (int c = 0; c < length; c++) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            values.add(dialect.quoteLiteral(text.toString()));
        }
        return values;
    }

    public List<String> uuids(String type) {
        return repeat(() -> cast(new UUID(random.nextLong(), random.nextLong()).toString(), type));
    }

    public List<String> booleans() {
        return List.of("true", "false");
    }

    /** Dates from year 1 to 9999 (ISO text), plus the leap days and the epoch. */
    public List<String> dates(String type) {
        List<String> values = new ArrayList<>(List.of(cast("1970-01-01", type), cast("2024-02-29", type),
                cast("0001-01-01", type), cast("9999-12-31", type)));
        values.addAll(repeat(() -> cast(randomDate().toString(), type)));
        return values;
    }

    /** Times of day with no, milli, micro fractions and fractions that end in zeros. */
    public List<String> times(String type) {
        List<String> values = new ArrayList<>(List.of(cast("00:00:00", type), cast("23:59:59.999999", type),
                cast("12:00:00.5", type), cast("13:45:00.120", type)));
        values.addAll(repeat(() -> cast(IsoTimes.time(randomTime()), type)));
        return values;
    }

    /** Times of day with an offset from -15:00 to +15:52 (whole hours, quarters and odd minutes). */
    public List<String> timesWithOffset(String type) {
        return repeat(() -> {
            int minutes = (random.nextInt(31) - 15) * 60 + (random.nextInt(4) * 15) + (random.nextInt(10) == 0 ? 7 : 0);
            return cast(IsoTimes.time(randomTime()) + ZoneOffset.ofTotalSeconds(minutes * 60).getId()
                    .replace("Z", "+00:00"), type);
        });
    }

    /** Timestamps from year 1 to 9999, written with a space, with fractions down to {@code fractionDigits}. */
    public List<String> timestamps(String type, int fractionDigits, boolean withOffset) {
        return timestamps(type, fractionDigits, withOffset, 1, 9999);
    }

    /** Timestamps from {@code firstYear} to {@code lastYear}. */
    public List<String> timestamps(String type, int fractionDigits, boolean withOffset, int firstYear, int lastYear) {
        List<String> values = new ArrayList<>(List.of(cast("1970-01-01 00:00:00" + (withOffset ? "+00" : ""), type),
                cast("2024-02-29 23:59:59" + (withOffset ? "-05:30" : ""), type)));
        values.addAll(repeat(() -> {
            LocalTime time = randomTime();
            int unit = (int) Math.pow(10, 9 - fractionDigits);
            String text = randomDate(firstYear, lastYear) + " " + IsoTimes.time(time.withNano(time.getNano() / unit * unit));
            return cast(text + (withOffset ? (random.nextBoolean() ? "+02:00" : "-07:00") : ""), type);
        }));
        return values;
    }

    /** Byte strings of every byte value, as hex text the dialect turns into its binary type. */
    public List<String> bytes(java.util.function.Function<String, String> fromHex) {
        List<String> values = new ArrayList<>(List.of(fromHex.apply(""), fromHex.apply("5c"), fromHex.apply("00ff41")));
        values.addAll(repeat(() -> {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            return fromHex.apply(java.util.HexFormat.of().formatHex(bytes));
        }));
        return values;
    }

    /** {@code CAST('text' AS type)}. */
    public String cast(String text, String type) {
        return "CAST(" + dialect.quoteLiteral(text) + " AS " + type + ")";
    }

    private LocalDate randomDate() {
        return randomDate(1, 9999);
    }

    private LocalDate randomDate(int firstYear, int lastYear) {
        long first = LocalDate.of(firstYear, 1, 1).toEpochDay();
        long last = LocalDate.of(lastYear, 12, 31).toEpochDay();
        return LocalDate.ofEpochDay(first + (long) (random.nextDouble() * (last - first)));
    }

    private LocalTime randomTime() {
        LocalTime time = LocalTime.ofSecondOfDay(random.nextInt(86_400));
        return switch (random.nextInt(4)) {
            case 0 -> time;
            case 1 -> time.withNano(random.nextInt(1000) * 1_000_000);
            case 2 -> time.withNano(random.nextInt(1_000_000) * 1_000);
            default -> time.withNano(random.nextInt(10) * 100_000_000);
        };
    }

    private List<String> repeat(Supplier<String> value) {
        List<String> values = new ArrayList<>(RANDOM_VALUES);
        for (int i = 0; i < RANDOM_VALUES; i++) {
            values.add(value.get());
        }
        return values;
    }
}
