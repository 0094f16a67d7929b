package org.kinlink.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByPrefix(String prefix);

    List<ApiToken> findAllByOrderByIssuedAtDescIdDesc();

    /** Last use, written without raising the version (an administrator's revoke must not be refused for it). */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id")
    int markUsed(@Param("id") long id, @Param("at") Instant at);
}
