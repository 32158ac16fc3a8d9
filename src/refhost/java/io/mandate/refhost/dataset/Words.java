package io.mandate.refhost.dataset;

import java.util.List;
import java.util.SplittableRandom;

/** The words generated names and texts are made of: plain ASCII, so any row reads the same in every database. */
final class Words {

    static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Chloe", "David", "Elif", "Felix", "Greta", "Hugo",
            "Ines", "Jonas", "Kira", "Luca", "Maya", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tara", "Umut", "Vera",
            "Wim", "Xenia", "Yann", "Zoe", "Amir", "Bea", "Carlos", "Dana", "Emil", "Fatma", "Gabriel", "Hana", "Ivo",
            "Jana", "Karl", "Lena", "Marek", "Nina", "Oskar");
    static final List<String> LAST_NAMES = List.of("Adler", "Berger", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia",
            "Hoffmann", "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nowak", "Okafor", "Peters", "Quinn",
            "Rossi", "Schmidt", "Tanaka", "Urban", "Vogel", "Weber", "Yilmaz", "Zimmermann", "Novak", "Horvat", "Kaya",
            "Silva", "Meyer", "Wagner", "Becker", "Keller", "Kraus", "Lang", "Roth", "Sommer", "Winter", "Frank", "Graf");
    static final List<String> AREAS = List.of("Billing", "Checkout", "Search", "Identity", "Payments", "Reporting",
            "Mobile", "Warehouse", "Pricing", "Onboarding", "Messaging", "Analytics", "Catalogue", "Support", "Logistics",
            "Security", "Platform", "Data", "Growth", "Compliance");
    static final List<String> PROJECT_SUFFIXES = List.of("Platform", "Service", "Portal", "Team", "Programme");
    static final List<String> TOPICS = List.of("Architecture", "Release go/no-go", "Production changes", "Spend",
            "Hiring", "Security exceptions", "Vendor selection", "Pricing", "Roadmap", "Data retention", "Incident response",
            "API changes", "Tooling", "Hosting", "Access requests", "Localisation", "Accessibility", "Partnerships",
            "Experiments", "Deprecations");
    static final List<String> DECISION_VERBS = List.of("Choose", "Decide on", "Agree", "Approve", "Pick", "Settle");
    static final List<String> WORK_VERBS = List.of("Fix", "Add", "Remove", "Speed up", "Document", "Migrate",
            "Refactor", "Test", "Monitor", "Clean up");
    static final List<String> THINGS = List.of("the message broker", "the caching layer", "the release train",
            "the database schema", "the login flow", "the feature flags", "the export format", "the retry policy",
            "the on-call rota", "the cloud region", "the API version", "the logging stack", "the search index",
            "the invoice template", "the load balancer", "the backup plan", "the error budget", "the design system",
            "the data pipeline", "the vendor contract");
    static final List<String> OUTCOMES = List.of("Go with the managed service; revisit after two quarters.",
            "Keep the current setup and document why.", "Adopt the proposal with the reviewers' changes.",
            "Split the work into two releases.", "Buy, do not build.", "Build it in-house with a small team.",
            "Postpone the migration until the freeze is over.", "Take option B: cheaper to reverse.");
    static final List<String> GRANT_NOTES = List.of("Tech lead", "Team lead", "Budget owner", "Head of the area",
            "Acting until the re-organisation", "Consulted on every change", "Stands in for the lead");
    static final List<String> ABSENCE_NOTES = List.of("Vacation", "Parental leave", "Conference", "Sabbatical",
            "Training");

    private Words() {
    }

    static String pick(List<String> words, SplittableRandom random) {
        return words.get(random.nextInt(words.size()));
    }

    /** {@code n} in base 26 as {@code width} capital letters (0 → AA…A). */
    static String letters(int n, int width) {
        char[] out = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(out);
    }

    /** How many base-26 letters numbers below {@code count} need (at least two). */
    static int letterWidth(int count) {
        int width = 2;
        long capacity = 26 * 26;
        while (capacity < count) {
            width++;
            capacity *= 26;
        }
        return width;
    }

    /** {@code n} with leading zeros to {@code width} digits. */
    static String digits(int n, int width) {
        String s = Integer.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** How many digits numbers up to {@code max} need, at least {@code minimum}. */
    static int digitWidth(int max, int minimum) {
        return Math.max(minimum, Integer.toString(max).length());
    }
}
