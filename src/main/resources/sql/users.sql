-- Users, sessions, API tokens and failed logins (web/auth).

-- name: userByName
SELECT id, username, display_name, role, password_hash, active FROM app_user WHERE lower(username) = lower(:username)

-- name: activeAdmins
SELECT count(*) FROM app_user WHERE role = 'admin' AND active

-- name: insertUser
INSERT INTO app_user (username, display_name, role, password_hash, created_by)
VALUES (:username, :displayName, :role, :hash, :actor)
ON CONFLICT (lower(username)) DO NOTHING
RETURNING id

-- name: listUsers
SELECT id, username, display_name, role, active, created_at, created_by, last_login_at,
       (SELECT count(*) FROM api_token t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS tokens
  FROM app_user u ORDER BY lower(username)

-- name: updateUser
UPDATE app_user SET role = :role, active = :active, display_name = COALESCE(:displayName, display_name) WHERE id = :id

-- name: setPassword
UPDATE app_user SET password_hash = :hash, password_changed_at = now() WHERE id = :id

-- name: loggedIn
UPDATE app_user SET last_login_at = now() WHERE id = :id

-- name: insertSession
INSERT INTO web_session (token_hash, user_id, csrf_token, remote_address, user_agent)
VALUES (:hash, :userId, :csrf, :address, :agent)

-- A session is alive while it was seen within the idle limit and its user is still active; looking it
-- up refreshes last_seen_at (at most once a minute, to spare writes).
-- name: session
-- A read: every request of a session runs it, so it writes nothing (see touchSession).
SELECT u.id, u.username, u.role, w.csrf_token, w.last_seen_at < now() - interval '1 minute' AS stale
  FROM web_session w JOIN app_user u ON u.id = w.user_id
 WHERE w.token_hash = :hash AND u.active
   AND w.last_seen_at > now() - make_interval(mins => CAST(:idleMinutes AS int))

-- name: touchSession
-- At most once a minute per session: concurrent requests of one session do not queue on its row.
UPDATE web_session SET last_seen_at = now() WHERE token_hash = :hash AND last_seen_at < now() - interval '1 minute'

-- name: deleteSession
DELETE FROM web_session WHERE token_hash = :hash

-- name: deleteUserSessions
DELETE FROM web_session WHERE user_id = :userId AND (CAST(:keep AS bytea) IS NULL OR token_hash <> CAST(:keep AS bytea))

-- name: expireSessions
DELETE FROM web_session WHERE last_seen_at < now() - make_interval(mins => CAST(:idleMinutes AS int))

-- name: insertToken
INSERT INTO api_token (user_id, name, token_hash, prefix) VALUES (:userId, :name, :hash, :prefix) RETURNING id

-- name: token
-- A read, like session: an integration sending many requests at once with one token shares nothing to lock.
SELECT u.id, u.username, u.role,
       (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
  FROM api_token t JOIN app_user u ON u.id = t.user_id
 WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.active

-- name: touchToken
UPDATE api_token SET last_used_at = now()
 WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')

-- name: listTokens
SELECT id, name, prefix, created_at, last_used_at FROM api_token
 WHERE user_id = :userId AND revoked_at IS NULL ORDER BY created_at DESC

-- name: revokeToken
UPDATE api_token SET revoked_at = now() WHERE id = :id AND user_id = :userId AND revoked_at IS NULL

-- name: blockedUntil
SELECT max(blocked_until) FROM login_failure WHERE key IN (:keys) AND blocked_until > now()

-- A failure counts within a window as long as the lock; reaching the limit locks the key.
-- name: recordFailure
INSERT INTO login_failure AS f (key, failures, first_failure_at)
VALUES (:key, 1, now())
ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN f.first_failure_at < now() - make_interval(mins => CAST(:lockMinutes AS int)) THEN 1
                    ELSE f.failures + 1 END,
    first_failure_at = CASE WHEN f.first_failure_at < now() - make_interval(mins => CAST(:lockMinutes AS int)) THEN now()
                            ELSE f.first_failure_at END,
    blocked_until = CASE WHEN f.first_failure_at >= now() - make_interval(mins => CAST(:lockMinutes AS int))
                              AND f.failures + 1 >= CAST(:limit AS int)
                         THEN now() + make_interval(mins => CAST(:lockMinutes AS int)) ELSE f.blocked_until END
RETURNING failures

-- name: clearFailures
DELETE FROM login_failure WHERE key = :key
