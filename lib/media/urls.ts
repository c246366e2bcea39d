// Where a stored medium is served (app/media/[id]/route.ts). Safe in client components.
export function mediaUrl(id: string) {
  return `/media/${encodeURIComponent(id)}`;
}
