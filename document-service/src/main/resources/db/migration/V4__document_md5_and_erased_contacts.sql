-- The MD5 of the stored bytes, computed as they streamed to S3 and equal to the ETag S3 answered. Downloads
-- compare it with the object's ETag. Files stored before carry their SHA-256 in the object's metadata instead.
ALTER TABLE document ADD COLUMN md5 char(32);

-- Contacts whose erasure (contact.deleted) this service has carried out. An upload authorised just before the
-- erasure, or by a replica's cached authorisation, is refused at its insert instead of outliving the contact.
CREATE TABLE erased_contact (
    contact_id uuid        PRIMARY KEY,
    erased_at  timestamptz NOT NULL DEFAULT now()
);
