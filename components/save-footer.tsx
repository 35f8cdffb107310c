import { Problems } from "./problems";
import { Button, type ButtonProps } from "./ui/button";

/** A form's submit button, its confirmation once saved, and the server's reasons when refused. */
export function SaveFooter({
  label,
  pending,
  saved,
  problems,
  variant,
  className,
}: {
  label: string;
  pending: boolean;
  saved: string | null;
  problems: string[];
  variant?: ButtonProps["variant"];
  className?: string;
}) {
  return (
    <>
      <Button type="submit" variant={variant} disabled={pending}>
        {label}
      </Button>
      {saved !== null && (
        <span role="status" className={className}>
          {saved}
        </span>
      )}
      <Problems problems={problems} />
    </>
  );
}
