package com.certportal.ordering;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NewOrderRequestRepository extends JpaRepository<NewOrderRequest, Long> {}
