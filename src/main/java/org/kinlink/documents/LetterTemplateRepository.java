package org.kinlink.documents;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LetterTemplateRepository extends JpaRepository<LetterTemplate, Long> {

    List<LetterTemplate> findAllByOrderByNameAscLanguageAsc();

    List<LetterTemplate> findByLanguageOrderByNameAsc(String language);

    Optional<LetterTemplate> findByNameAndLanguage(String name, String language);
}
