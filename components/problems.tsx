/** The server's reasons for refusing an action, announced to screen readers. */
export function Problems({ problems, title }: { problems: string[]; title?: string }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="w-full rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {title && <p className="font-medium">{title}</p>}
      <ul className="list-disc pl-5">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
