package com.certportal.unit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An enterprise customer's pool of prepaid licences. P5: a refunded order gives its licences back. */
@Entity
@Table(name = "enterprise_unit")
public class EnterpriseUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    private String name;

    private int licencesAvailable;

    @Version
    private long version;

    protected EnterpriseUnit() {}

    public EnterpriseUnit(Long accountId, String name, int licencesAvailable) {
        this.accountId = accountId;
        this.name = name;
        this.licencesAvailable = licencesAvailable;
    }

    public void consume(int licences) {
        if (licences < 1 || licences > licencesAvailable) {
            throw new IllegalStateException(
                    "unit " + name + " has " + licencesAvailable + " licences, not " + licences);
        }
        licencesAvailable -= licences;
    }

    public void giveBack(int licences) {
        licencesAvailable += licences;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public int getLicencesAvailable() {
        return licencesAvailable;
    }
}
