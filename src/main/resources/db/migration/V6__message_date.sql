-- The Date header of a message when it was claimed. A later message with the same Message-ID and
-- another Date is another message (a sender reusing ids, a forged id): it is processed on its own
-- instead of being skipped as already handled. (RFC822.SIZE would not do: some servers report
-- different sizes for the same message from one session to the next.)
ALTER TABLE processed_mail ADD COLUMN header_date TEXT;
