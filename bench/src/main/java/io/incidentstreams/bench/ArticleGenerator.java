package io.incidentstreams.bench;

import io.incidentstreams.model.Article;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic news articles of about 3 kB: many places, dates, figures and actors, several outlets
 * reporting one event in different words, exact repeats and near-duplicates (a republished wire story with
 * small edits). The same seed always yields the same articles.
 */
public final class ArticleGenerator {
    static final String[] PLACES = {"the Green Zone in Baghdad", "Camp Taji", "Balad Air Base", "Ain al-Asad air base",
            "Erbil airport", "Kirkuk", "Mosul", "Basra", "Najaf", "Karbala", "Fallujah", "Ramadi", "Tikrit", "Samarra",
            "Baqubah", "Diwaniyah", "Nasiriyah", "Hillah", "Kut", "Amarah", "Sulaymaniyah", "Duhok", "Baghdad airport",
            "Abu Ghraib", "Tal Afar", "Haditha", "Baiji", "Khanaqin", "Sinjar", "Zakho", "Samawah", "Halabja", "Al-Qaim",
            "Rutba", "Habbaniyah", "Tuz Khurmatu", "Shirqat", "Qayyarah", "Bashiqa", "Makhmour", "Koya", "Kalar",
            "Muqdadiyah", "Jalawla", "Hawija", "Iskandariya", "Musayyib", "Mahmudiya", "Tarmiyah", "Kufa", "Zubair",
            "Umm Qasr", "Camp Speicher", "the Besmaya Range Complex", "Al-Taqaddum air base", "Kirkuk Air Base",
            "Harir Air Base", "Mosul airport", "Basra airport", "Tahrir Square in Baghdad", "Deir ez-Zor", "Abu Kamal"};
    static final String[] OUTLETS = {"Gulf Wire", "Tigris Post", "Crescent Herald", "Meridian Wire", "Atlas Daily",
            "Northline News", "Southern Dispatch", "Capital Courier", "Riverside Dispatch", "Harbour Times",
            "Euphrates Review", "Delta Bulletin", "Highland Observer", "Plains Gazette", "Frontier Report", "Coastal Ledger"};
    static final String[] NUMBERS = {"no one", "one person", "two people", "three people", "four people", "five people",
            "six people", "seven people", "eight people", "nine people", "ten people", "11 people", "12 people"};
    static final String[] ACTORS = {"Kataib Hezbollah", "Islamic State", "Asaib Ahl al-Haq", "Iran-backed militias",
            "Harakat Hezbollah al-Nujaba", "Kataib Sayyid al-Shuhada"};
    static final String[] WEAPONS = {"rockets", "mortar rounds", "a roadside bomb", "an explosive-laden drone",
            "Katyusha rockets", "a car bomb", "mortar shells"};
    /** Days over which events are spread: ten years. */
    static final int DAYS = 3650;
    static final String[] FILLER = {
        "The country's parliament met late into the evening to debate next year's budget, with several blocs demanding higher allocations for the southern provinces.",
        "Oil exports through the southern terminals held steady over the month, according to figures released by the ministry on its website.",
        "Electricity shortages have fuelled street protests in several cities as summer temperatures climbed above 50 degrees Celsius.",
        "The central bank said it would keep its exchange rate policy unchanged and pledged to shore up reserves before the end of the quarter.",
        "Diplomats said talks on the future of foreign troops in the country were expected to resume after the holiday, though no date was set.",
        "Local officials have repeatedly asked Baghdad for more funds to rebuild schools and hospitals damaged in earlier fighting.",
        "Analysts said the security situation remained fragile, pointing to the slow pace of reforms and the influence of armed factions.",
        "The prime minister's office announced a new committee to review public sector salaries and pensions.",
        "Farmers in the north complained of water shortages as levels in the rivers dropped for a third consecutive year.",
        "A delegation of investors toured the port and industrial zone, where several projects have stalled for lack of financing.",
        "Health authorities reported a rise in hospital admissions during the heat wave and urged residents to stay indoors at midday.",
        "The electoral commission said voter registration would close at the end of the month and urged citizens to update their cards."};

    private final SplittableRandom random;
    private final LocalDate start;

    public ArticleGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.start = LocalDate.of(2015, 1, 1);
    }

    /** {@code n} articles: roughly 60% first reports, 25% other outlets' reports, 10% near-duplicates, 5% repeats. */
    public List<Article> generate(int n) {
        List<Article> out = new ArrayList<>(n);
        List<Event> events = new ArrayList<>();
        while (out.size() < n) {
            double roll = random.nextDouble();
            if (events.isEmpty() || roll < 0.6) {
                Event e = newEvent();
                events.add(e);
                out.add(report(e, out.size()));
            } else if (roll < 0.85) {
                out.add(report(events.get(random.nextInt(Math.max(0, events.size() - 50), events.size())), out.size()));
            } else if (roll < 0.95) {
                Article original = out.get(random.nextInt(out.size()));
                out.add(new Article("wire-" + out.size(), null, original.title() + " (updated)", original.publishedAt(),
                        "Republisher", original.text().replaceFirst("\\.", ", officials added."), "generated"));
            } else {
                out.add(out.get(random.nextInt(out.size())));
            }
        }
        return out;
    }

    private Event newEvent() {
        LocalDate date = start.plusDays(random.nextInt(DAYS));
        return new Event(PLACES[random.nextInt(PLACES.length)], date, WEAPONS[random.nextInt(WEAPONS.length)],
                random.nextInt(0, 25), random.nextInt(0, 60), ACTORS[random.nextInt(ACTORS.length)], random.nextInt(4));
    }

    private Article report(Event e, int index) {
        LocalDate published = e.date.plusDays(random.nextInt(3));
        String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
        StringBuilder text = new StringBuilder(3200);
        text.append(outlet.toUpperCase(Locale.ROOT)).append(" — ");
        text.append(lead(e, published)).append(' ');
        text.append(casualties(e)).append(' ');
        text.append(attribution(e)).append("\n\n");
        while (text.length() < 2900) {
            text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
            if (random.nextInt(4) == 0) {
                text.append("\n\n");
            }
        }
        String title = capital(e.weapon) + " hit " + e.place.replace("the ", "");
        return new Article("gen-" + index, "https://example.org/" + outlet.toLowerCase(Locale.ROOT).replace(' ', '-')
                + "/" + index, title, published.toString(), outlet, text.toString().trim(), "generated");
    }

    private String lead(Event e, LocalDate published) {
        String when = when(e.date, published);
        return switch (random.nextInt(3)) {
            case 0 -> capital(e.weapon) + " struck " + e.place + " " + when + ", security sources said.";
            case 1 -> "Security officials said " + e.weapon + " hit " + e.place + " " + when + ".";
            default -> "An attack with " + e.weapon + " targeted " + e.place + " " + when + ", police said.";
        };
    }

    private String casualties(Event e) {
        if (e.killed == 0 && e.wounded == 0) {
            return "There were no casualties, officials said.";
        }
        return "The attack killed " + people(e.killed) + " and wounded " + people(e.wounded) + ".";
    }

    /** Small figures in words, larger ones in digits, as newsrooms write them. */
    private static String people(int n) {
        return n < NUMBERS.length ? NUMBERS[n] : n + " people";
    }

    private String attribution(Event e) {
        return switch (e.attribution) {
            case 0 -> "There was no immediate claim of responsibility.";
            case 1 -> "Officials blamed " + e.actor + " for the attack.";
            case 2 -> e.actor + " claimed responsibility in a statement.";
            default -> "Security sources suspected " + e.actor + " of carrying out the attack.";
        };
    }

    private static String when(LocalDate date, LocalDate published) {
        if (date.equals(published)) {
            return "today";
        }
        if (date.plusDays(1).equals(published)) {
            return "yesterday";
        }
        DayOfWeek dow = date.getDayOfWeek();
        return "on " + dow.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private record Event(String place, LocalDate date, String weapon, int killed, int wounded, String actor,
                         int attribution) {
    }
}
