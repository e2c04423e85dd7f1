export const dynamic = "force-dynamic";

// The floor of the app's pages without data (/account/password, the workbench): a bare page, rendered
// per request, with a heading and a short form — no session, no navigation, no catalogue.
export default function Shell() {
  return (
    <main>
      <h1>修改密码</h1>
      <form>
        <label>
          当前密码 <input type="password" name="current" />
        </label>
        <label>
          新密码 <input type="password" name="next" />
        </label>
        <button type="submit">保存</button>
      </form>
    </main>
  );
}
