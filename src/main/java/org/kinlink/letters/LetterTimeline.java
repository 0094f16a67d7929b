package org.kinlink.letters;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.kinlink.cases.CaseRef;
import org.kinlink.correspondence.TimelineContributor;
import org.kinlink.correspondence.TimelineItem;
import org.springframework.stereotype.Component;

/** Puts the letters about a case on its timeline: sent, acknowledged, answered, and overdue. */
@Component
class LetterTimeline implements TimelineContributor {

    private final Letters letters;

    LetterTimeline(Letters letters) {
        this.letters = letters;
    }

    @Override
    public List<TimelineItem> itemsOf(CaseRef caseRef) {
        var items = new ArrayList<TimelineItem>();
        for (CaseLetter letter : letters.aboutCase(caseRef.reference())) {
            String title = letter.reference() + " · " + letter.institutionName() + " · " + letter.subject();
            String route = "letters/" + letter.reference();
            if (letter.sentOn() != null) {
                items.add(new TimelineItem(at(letter.sentOn()), "letters.timeline.sent", title, null, false, route));
            }
            if (letter.acknowledgedOn() != null) {
                items.add(new TimelineItem(
                        at(letter.acknowledgedOn()), "letters.timeline.acknowledged", title, null, false, route));
            }
            if (letter.answeredOn() != null) {
                items.add(new TimelineItem(
                        at(letter.answeredOn()),
                        "letters.timeline.answered",
                        title,
                        letter.answerSummary(),
                        false,
                        route));
            }
            if (letter.overdue() && letter.dueOn() != null) {
                items.add(new TimelineItem(at(letter.dueOn()), "letters.timeline.overdue", title, null, true, route));
            }
        }
        return items;
    }

    /** A letter's day as a point on the timeline (noon, so that it stays on its day in every zone near ours). */
    private static java.time.Instant at(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant();
    }
}
