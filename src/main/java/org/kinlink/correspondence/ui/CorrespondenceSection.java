package org.kinlink.correspondence.ui;

import com.vaadin.flow.component.Component;
import org.kinlink.cases.CaseDetails;
import org.kinlink.cases.CasePageSection;
import org.kinlink.correspondence.CorrespondenceLog;
import org.kinlink.files.FileStore;

/** Adds the correspondence timeline to the case page, right after the parties. */
@org.springframework.stereotype.Component
class CorrespondenceSection implements CasePageSection {

    private final CorrespondenceLog log;
    private final FileStore files;
    private final java.util.List<org.kinlink.correspondence.TimelineContributor> contributors;

    CorrespondenceSection(
            CorrespondenceLog log,
            FileStore files,
            java.util.List<org.kinlink.correspondence.TimelineContributor> contributors) {
        this.log = log;
        this.files = files;
        this.contributors = contributors;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "correspondence.tab";
    }

    @Override
    public Component create(CaseDetails details) {
        return new CorrespondenceTimeline(log, files, details, contributors);
    }
}
