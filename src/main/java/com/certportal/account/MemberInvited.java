package com.certportal.account;

/**
 * M1: an administrator invited someone. Carries the one-time link's token, which is stored only as a
 * hash, so that the invitation mail (sent by the mail feature, T2) can hold the link itself.
 */
public record MemberInvited(Invitation invitation, Member inviter, String accountName, String token) {}
