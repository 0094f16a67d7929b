package org.kinlink.letters;

/** The fixed wording of a summary follow-up letter, in English and Persian (editable in the draft). */
final class FollowUpText {

    static final String EN_SUBJECT = "Follow-up: our letters ";
    static final String EN_OPENING =
            "Dear Sir or Madam,\n\nWe wrote to you about the following matters and have not yet received an answer:";
    static final String EN_SENT = ", sent ";
    static final String EN_DUE = ", answer expected by ";
    static final String EN_CLOSING =
            "We would be grateful for your answer or for an indication of when we may expect it.\n\nYours faithfully";
    static final String FA_SUBJECT = "پیگیری: نامه‌های ما ";
    static final String FA_OPENING =
            "با سلام و احترام،\n\nدر موارد زیر به شما نامه نوشته‌ایم و هنوز پاسخی دریافت نکرده‌ایم:";
    static final String FA_SENT = "، ارسال شده در ";
    static final String FA_DUE = "، پاسخ مورد انتظار تا ";
    static final String FA_CLOSING = "از پاسخ شما یا اعلام زمان تقریبی آن سپاسگزار خواهیم بود.\n\nبا احترام";

    private FollowUpText() {}
}
