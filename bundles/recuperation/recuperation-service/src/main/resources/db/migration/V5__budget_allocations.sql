-- Issue 19: a province allocates a year's budget to its cities and districts; the units under each draw from the
-- allocation of their nearest allocated union. SPENT never exceeds AMOUNT; the sum of a budget's allocations never
-- exceeds its TOTAL (checked when allocating, under the budget row's lock).
CREATE TABLE RECUPERATION_ALLOCATION (
    BUDGET_KEY VARCHAR(200) NOT NULL REFERENCES RECUPERATION_BUDGET (BUDGET_KEY),
    ORG_ID BIGINT NOT NULL,
    AMOUNT DECIMAL(14,2) NOT NULL,
    SPENT DECIMAL(14,2) NOT NULL DEFAULT 0,
    UPDATED_AT TIMESTAMP NOT NULL,
    PRIMARY KEY (BUDGET_KEY, ORG_ID),
    CONSTRAINT RECUPERATION_ALLOCATION_SPENT CHECK (SPENT >= 0 AND SPENT <= AMOUNT)
);

-- the allocation a traveller's subsidy was drawn from (null: none), so that cancelling and settling give it back there
ALTER TABLE RECUPERATION_BOOKED_MEMBER ADD COLUMN ALLOCATION_ORG_ID BIGINT;
