import dayjs from 'dayjs';

/** API instants are UTC; people read them in their own time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDateTimeSeconds(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/** "3 minutes ago" in the current dayjs locale (switched together with the UI language). */
export function fromNow(iso: string): string {
  return dayjs(iso).fromNow();
}

export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
