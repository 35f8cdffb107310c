import { AccountPage } from "@/components/account-page";

export const dynamic = "force-dynamic";

export default function Account() {
  return <AccountPage />;
}
