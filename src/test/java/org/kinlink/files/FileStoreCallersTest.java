package org.kinlink.files;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * C2: {@link FileStore#read} checks only that the caller is signed in;
 * the owner module's service checks access to the record first. So views never call them directly:
 * they go through the owner's service (for example {@code CorrespondenceLog.download}).
 */
class FileStoreCallersTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.kinlink");

    @Test
    @DisplayName("C2: views never read a stored file without the owner's access check")
    void views_never_read_stored_files_directly() {
        noClasses()
                .that()
                .resideInAPackage("org.kinlink..ui..")
                .should()
                .callMethod(FileStore.class, "read", StoredFileId.class, String.class, String.class)
                .check(CLASSES);
    }
}
