-- T2, issue 10: every mail keeps the Message-ID it was given when it was queued (in the same
-- transaction), so that every attempt, and a mail sent again because the database went away just after
-- the SMTP server accepted it, carries the same one.
alter table outbox_mail add column message_id varchar(320);

-- Mails still waiting when this runs get one now, in the shape Jakarta Mail gave them so far (the sender's
-- domain is configuration the database does not know). Mails already sent went out with an id nobody
-- recorded: theirs stays empty rather than made up.
update outbox_mail
set message_id = '<outbox.' || id || '.' || cast(floor(random() * 1000000000000) as bigint) || '@localhost>'
where sent_at is null;
