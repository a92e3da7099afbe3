package com.certportal.signin;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SignInAttemptRepository extends JpaRepository<SignInAttempt, Long> {

    List<SignInAttempt> findByEmailOrderByIdAsc(String email);

    List<SignInAttempt> findByClientAddressOrderByIdAsc(String clientAddress);
}
