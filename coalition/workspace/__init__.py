"""The SOS secretariat's workspace: contacts, organisations, import/export, duplicates, segments, statistics."""
