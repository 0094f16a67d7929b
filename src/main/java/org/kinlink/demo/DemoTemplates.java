package org.kinlink.demo;

import org.kinlink.documents.LetterTemplates;
import org.kinlink.documents.TemplateForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Letter templates for the demo, written by the demo coordinator through the service: a tracing
 * request in English and Persian and a follow-up that lists the letters still unanswered. Runs
 * once, when the coordinator sees no template.
 */
@Component
@Profile("demo")
@Order(30)
class DemoTemplates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTemplates.class);

    private final LetterTemplates templates;
    private final UserDetailsService users;

    DemoTemplates(LetterTemplates templates, UserDetailsService users) {
        this.templates = templates;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        var user = users.loadUserByUsername("coordinator");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            if (!templates.list(null).isEmpty()) {
                return;
            }
            templates.save(new TemplateForm(null, 0, "Tracing request", "en", TRACING_SUBJECT_EN, TRACING_BODY_EN));
            templates.save(new TemplateForm(null, 0, "درخواست جست‌وجو", "fa", TRACING_SUBJECT_FA, TRACING_BODY_FA));
            templates.save(new TemplateForm(null, 0, "Follow-up", "en", FOLLOW_UP_SUBJECT_EN, FOLLOW_UP_BODY_EN));
            log.info("Demo: created letter templates");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static final String TRACING_SUBJECT_EN = "Tracing request: {{cases.references}}";
    private static final String TRACING_BODY_EN = """
            Dear {{institution.contact}},

            We are writing on behalf of {{cases.enquirers}}, who is trying to restore contact with \
            {{cases.sought-persons}}.

            We would be grateful if you could check your records for any information about the person \
            named above and let us know whether they are known to you. Please quote our reference \
            {{letter.reference}} in your reply.

            Any information you share will be used only to restore family contact and will not be passed \
            on without the consent of the person concerned.

            Yours sincerely,""";

    private static final String TRACING_SUBJECT_FA = "درخواست جست‌وجو: {{cases.references}}";
    private static final String TRACING_BODY_FA = """
            با سلام و احترام،

            این نامه از سوی {{cases.enquirers}} نوشته می‌شود که در پی برقراری دوبارهٔ تماس با \
            {{cases.sought-persons}} است.

            خواهشمندیم سوابق خود را برای هرگونه آگاهی دربارهٔ فرد نام‌برده بررسی کنید و ما را از نتیجه \
            آگاه سازید. لطفاً در پاسخ به شمارهٔ {{letter.reference}} اشاره کنید.

            هر آگاهی که در اختیار ما بگذارید تنها برای برقراری دوبارهٔ پیوند خانوادگی به کار می‌رود و بدون \
            رضایت فرد مربوط به دیگران داده نمی‌شود.

            با سپاس،""";

    private static final String FOLLOW_UP_SUBJECT_EN = "Follow-up of our letters {{letters.overdue}}";
    private static final String FOLLOW_UP_BODY_EN = """
            Dear {{institution.contact}},

            We wrote to you about our case {{cases.references}} and have not yet received an answer to \
            the following letters: {{letters.overdue}}.

            We would be grateful for a reply, even if you hold no information about \
            {{cases.sought-persons}}. Please quote our reference {{letter.reference}}.

            Yours sincerely,""";
}
